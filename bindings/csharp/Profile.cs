// The call profile: the year's regions, industries, types, readiness scale and limits.
using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace Zhinan
{
    /// <summary>An entry of a list on the form: the stable code and the Chinese label.</summary>
    public sealed class Choice
    {
        internal Choice(string code, string label)
        {
            Code = code;
            Label = label;
        }

        /// <summary>The stable code ("new_energy", "sco", …).</summary>
        public string Code { get; private set; }
        /// <summary>The label on the form, in Chinese.</summary>
        public string Label { get; private set; }

        /// <summary>The code, a space, the label.</summary>
        public override string ToString() { return Code + " " + Label; }
    }

    /// <summary>A call profile (zn_profile). Profile.Builtin() is the 2025 Shandong call;
    /// FromFile/FromJson read another year's zhinan.profile/1. Immutable. Suggestions read
    /// under a profile keep what they need of it, so it may be disposed before them.</summary>
    public sealed class Profile : IDisposable
    {
        private const int Industries_ = 0, Regions_ = 1, ProjectTypes_ = 2, BringInSubtypes_ = 3; // zn_profile_list

        internal readonly ProfileHandle Handle;

        private Profile(ProfileHandle handle)
        {
            Handle = handle;
        }

        /// <summary>The 2025 Shandong call built into the library (zn_profile_builtin).</summary>
        public static Profile Builtin()
        {
            return LibraryLoader.Run(() =>
            {
                ProfileHandle h;
                int status = NativeMethods.zn_profile_builtin(out h);
                if (status != NativeMethods.ZN_OK)
                {
                    ZhinanException failure = Errors.Last(status);
                    h.Dispose();
                    throw failure;
                }
                return new Profile(h);
            });
        }

        /// <summary>Reads zhinan.profile/1; ZhinanException with Diagnostics when it cannot.</summary>
        public static Profile FromJson(string json)
        {
            return FromJson(Utf8.Bytes(json, "json"));
        }

        /// <summary>Reads zhinan.profile/1 from UTF-8 bytes; ZhinanException (Status Parse) with
        /// Diagnostics when it cannot.</summary>
        public static Profile FromJson(byte[] utf8)
        {
            if (utf8 == null) throw new ArgumentNullException("utf8");
            return LibraryLoader.Run(() =>
            {
                ProfileHandle h;
                DiagnosticsHandle d;
                int status = NativeMethods.zn_profile_from_json(out h, out d, utf8, Sizes.Length(utf8));
                return Adopt(status, h, d);
            });
        }

        /// <summary>Reads zhinan.profile/1 from a file; ZhinanException with Status IO when it cannot
        /// be read, Parse with Diagnostics when it is no profile.</summary>
        public static Profile FromFile(string path)
        {
            if (path == null) throw new ArgumentNullException("path");
            byte[] name = Utf8.Z(path, "path");
            return LibraryLoader.Run(() =>
            {
                ProfileHandle h;
                DiagnosticsHandle d;
                int status = NativeMethods.zn_profile_from_file(out h, out d, name);
                return Adopt(status, h, d);
            });
        }

        private static Profile Adopt(int status, ProfileHandle h, DiagnosticsHandle d)
        {
            try
            {
                Errors.Finish(status, d);
            }
            catch
            {
                h.Dispose();
                throw;
            }
            return new Profile(h);
        }

        /// <summary>Frees the profile now (zn_profile_free); suggestions read under it keep their own
        /// reference.</summary>
        public void Dispose() { Handle.Dispose(); }

        /// <summary>Runs body with the profile's pointer, or NULL for null (the built-in one).</summary>
        internal static T Use<T>(Profile profile, Func<IntPtr, T> body)
        {
            return profile == null ? body(IntPtr.Zero) : profile.Handle.Use(body);
        }

        /// <summary>The profile's id ("shandong-2025" for the built-in one).</summary>
        public string Id { get { return Handle.Use(p => Errors.Borrowed(NativeMethods.zn_profile_id(p))); } }

        /// <summary>The call's name, in Chinese.</summary>
        public string Name { get { return Handle.Use(p => Errors.Borrowed(NativeMethods.zn_profile_name(p))); } }

        private IReadOnlyList<Choice> List(int kind)
        {
            return Handle.Use(p =>
            {
                int n = Sizes.Count(NativeMethods.zn_profile_count(p, kind));
                var list = new List<Choice>(n);
                for (int i = 0; i < n; ++i)
                    list.Add(new Choice(Errors.Borrowed(NativeMethods.zn_profile_code(p, kind, Sizes.Index(i))),
                                        Errors.Borrowed(NativeMethods.zn_profile_label(p, kind, Sizes.Index(i)))));
                return (IReadOnlyList<Choice>)list.AsReadOnly();
            });
        }

        /// <summary>产业领域.</summary>
        public IReadOnlyList<Choice> Industries { get { return List(Industries_); } }
        /// <summary>合作国别、地区.</summary>
        public IReadOnlyList<Choice> Regions { get { return List(Regions_); } }
        /// <summary>项目类型: bring_in, go_global, platform, major_event.</summary>
        public IReadOnlyList<Choice> ProjectTypes { get { return List(ProjectTypes_); } }
        /// <summary>The sub-types of “引进来”.</summary>
        public IReadOnlyList<Choice> BringInSubtypes { get { return List(BringInSubtypes_); } }

        /// <summary>Region code → the package folder its suggestions go in.</summary>
        public IReadOnlyDictionary<string, string> RegionFolders
        {
            get
            {
                return Handle.Use(p =>
                {
                    var folders = new Dictionary<string, string>();
                    int n = Sizes.Count(NativeMethods.zn_profile_count(p, Regions_));
                    for (int i = 0; i < n; ++i)
                        folders[Errors.Borrowed(NativeMethods.zn_profile_code(p, Regions_, Sizes.Index(i)))] =
                            Errors.Borrowed(NativeMethods.zn_profile_region_folder(p, Sizes.Index(i)));
                    return (IReadOnlyDictionary<string, string>)new ReadOnlyDictionary<string, string>(folders);
                });
            }
        }

        /// <summary>The lowest level of the readiness scale (1 in 2025).</summary>
        public int TrlLowest { get { return TrlRange(true); } }
        /// <summary>The highest level of the readiness scale (13 in 2025).</summary>
        public int TrlHighest { get { return TrlRange(false); } }

        private int TrlRange(bool lowest)
        {
            return Handle.Use(p =>
            {
                int low, high;
                Errors.Check(NativeMethods.zn_profile_trl_range(out low, out high, p));
                return lowest ? low : high;
            });
        }

        /// <summary>A readiness level's name (报告级 …); null for a level the scale does not have.</summary>
        public string TrlName(int level)
        {
            return Handle.Use(p => Utf8.From(NativeMethods.zn_profile_trl_name(p, level)));
        }

        /// <summary>What a readiness level requires, in Chinese; null for a level the scale does not
        /// have.</summary>
        public string TrlCriterion(int level)
        {
            return Handle.Use(p => Utf8.From(NativeMethods.zn_profile_trl_criterion(p, level)));
        }

        /// <summary>The most key technologies a suggestion should list (原则上不超过5项).</summary>
        public int KeyTechnologiesMax { get { return Limit(true); } }
        /// <summary>The most 字 of the 项目概述 (1000).</summary>
        public int OverviewMax { get { return Limit(false); } }

        private int Limit(bool keyTechnologies)
        {
            return Handle.Use(p =>
            {
                int key, overview;
                Errors.Check(NativeMethods.zn_profile_limits(out key, out overview, p));
                return keyTechnologies ? key : overview;
            });
        }

        /// <summary>"Profile ID NAME", or "Profile (disposed)".</summary>
        public override string ToString()
        {
            return Handle.IsClosed ? "Profile (disposed)" : "Profile " + Id + " " + Name;
        }
    }
}
