// 关键科学问题及技术清单: the key technologies of a suggestion, as a live list.
using System;
using System.Collections;
using System.Collections.Generic;

namespace Zhinan
{
    /// <summary>A key technology as a value: name, description, and readiness levels now and
    /// expected at completion on the profile's scale (1–13); 0 means not given.</summary>
    public sealed class KeyTechnology : IEquatable<KeyTechnology>
    {
        /// <summary>A key technology; null name or description is "", a level 0 is not given.</summary>
        public KeyTechnology(string name, string description = "", int current = 0, int expected = 0)
        {
            Name = name ?? "";
            Description = description ?? "";
            Current = current;
            Expected = expected;
        }

        /// <summary>The technology's name ("" when empty).</summary>
        public string Name { get; private set; }
        /// <summary>Its description ("" when empty).</summary>
        public string Description { get; private set; }
        /// <summary>Its readiness level now; 0 when not given.</summary>
        public int Current { get; private set; }
        /// <summary>Its readiness level expected at completion; 0 when not given.</summary>
        public int Expected { get; private set; }

        /// <summary>True when name, description and both levels are equal.</summary>
        public bool Equals(KeyTechnology other)
        {
            return other != null && Name == other.Name && Description == other.Description && Current == other.Current &&
                   Expected == other.Expected;
        }

        /// <summary>True when obj is a KeyTechnology equal to this one.</summary>
        public override bool Equals(object obj) { return Equals(obj as KeyTechnology); }

        /// <summary>A hash of the name and levels, consistent with Equals.</summary>
        public override int GetHashCode() { return Name.GetHashCode() ^ (Current * 31 + Expected); }

        /// <summary>The name with its levels: "name (current → expected)".</summary>
        public override string ToString() { return Name + " (" + Current + " → " + Expected + ")"; }
    }

    /// <summary>The live list of a suggestion's key technologies. Set keeps an item's evidence
    /// and expected indicators (which the C API does not expose).</summary>
    public sealed class KeyTechnologyList : IReadOnlyList<KeyTechnology>
    {
        private readonly Suggestion owner;

        internal KeyTechnologyList(Suggestion owner) { this.owner = owner; }

        /// <summary>How many key technologies the suggestion lists now
        /// (zn_suggestion_key_tech_count).</summary>
        public int Count { get { return owner.Handle.Use(p => Sizes.Count(NativeMethods.zn_suggestion_key_tech_count(p))); } }

        private UIntPtr At(int i)
        {
            int n = Count;
            if (i < 0 || i >= n) throw new ArgumentOutOfRangeException("index", i, "there are " + n + " key technologies");
            return Sizes.Index(i);
        }

        /// <summary>Item index as a value (ArgumentOutOfRangeException outside 0…Count-1); setting it
        /// is Set.</summary>
        public KeyTechnology this[int index]
        {
            get
            {
                UIntPtr i = At(index);
                return owner.Handle.Use(p =>
                {
                    int current, expected;
                    Errors.Check(NativeMethods.zn_suggestion_key_tech_levels(out current, out expected, p, i));
                    return new KeyTechnology(Errors.Borrowed(NativeMethods.zn_suggestion_key_tech_name(p, i)),
                                             Errors.Borrowed(NativeMethods.zn_suggestion_key_tech_description(p, i)), current,
                                             expected);
                });
            }
            set
            {
                if (value == null) throw new ArgumentNullException("value");
                Set(index, value.Name, value.Description, value.Current, value.Expected);
            }
        }

        /// <summary>Appends an item; returns its index.</summary>
        public int Add(string name, string description = "", int current = 0, int expected = 0)
        {
            byte[] n = Utf8.Z(name, "name"), d = Utf8.Z(description, "description");
            UIntPtr index = UIntPtr.Zero;
            owner.Handle.Call(p => NativeMethods.zn_suggestion_add_key_tech(out index, p, n, d, current, expected));
            return Sizes.Count(index);
        }

        /// <summary>Appends a copy of item; returns its index.</summary>
        public int Add(KeyTechnology item)
        {
            if (item == null) throw new ArgumentNullException("item");
            return Add(item.Name, item.Description, item.Current, item.Expected);
        }

        /// <summary>Replaces item index's name, description and levels (zn_suggestion_set_key_tech),
        /// keeping its evidence and expected indicators.</summary>
        public void Set(int index, string name, string description, int current, int expected)
        {
            UIntPtr i = At(index);
            byte[] n = Utf8.Z(name, "name"), d = Utf8.Z(description, "description");
            owner.Handle.Call(p => NativeMethods.zn_suggestion_set_key_tech(p, i, n, d, current, expected));
        }

        /// <summary>The readiness levels of item index (0 for a level not given).</summary>
        public void GetLevels(int index, out int current, out int expected)
        {
            UIntPtr i = At(index);
            int c = 0, e = 0;
            owner.Handle.Call(p => NativeMethods.zn_suggestion_key_tech_levels(out c, out e, p, i));
            current = c;
            expected = e;
        }

        /// <summary>Removes item index (zn_suggestion_remove_key_tech); later items move up.</summary>
        public void RemoveAt(int index)
        {
            UIntPtr i = At(index);
            owner.Handle.Call(p => NativeMethods.zn_suggestion_remove_key_tech(p, i));
        }

        /// <summary>Removes every item.</summary>
        public void Clear()
        {
            for (int i = Count - 1; i >= 0; --i) RemoveAt(i);
        }

        /// <summary>Enumerates a snapshot taken now.</summary>
        public IEnumerator<KeyTechnology> GetEnumerator()
        {
            int n = Count;
            var items = new List<KeyTechnology>(n);
            for (int i = 0; i < n; ++i) items.Add(this[i]);
            return items.GetEnumerator();
        }

        IEnumerator IEnumerable.GetEnumerator() { return GetEnumerator(); }
    }
}
