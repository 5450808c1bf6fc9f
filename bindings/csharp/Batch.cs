// Across suggestions (三(三) of the call) and the package (四): a department's batch, the
// registry of funded projects, and the ZIP with its 汇总表.
using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using System.Threading;

namespace Zhinan
{
    /// <summary>The funded projects (已立项项目) with their near-duplicate index, for the rule
    /// history.similar_funded. Read JSON Lines once (slow: it indexes), Save the index, and
    /// Load it quickly afterwards.</summary>
    public sealed class Registry : IDisposable
    {
        internal readonly RegistryHandle Handle;

        private Registry(RegistryHandle handle, IReadOnlyList<Diagnostic> parseDiagnostics)
        {
            Handle = handle;
            ParseDiagnostics = parseDiagnostics;
        }

        /// <summary>One {"id", "year", "title", "abstract", "unit"} per line; bad lines are
        /// skipped and listed in ParseDiagnostics (registry.line_invalid).</summary>
        public static Registry FromJsonLinesFile(string path, Profile profile = null)
        {
            if (path == null) throw new ArgumentNullException("path");
            byte[] name = Utf8.Z(path, "path");
            RegistryHandle h = null;
            DiagnosticsHandle d = null;
            int status = LibraryLoader.Run(() => Profile.Use(profile, p => NativeMethods.zn_registry_from_jsonl_file(out h, out d, p, name)));
            try
            {
                return new Registry(h, Errors.Finish(status, d));
            }
            catch
            {
                h.Dispose();
                throw;
            }
        }

        /// <summary>Reads what Save wrote (ZhinanException with Status Parse for anything else).</summary>
        public static Registry Load(string path)
        {
            if (path == null) throw new ArgumentNullException("path");
            byte[] name = Utf8.Z(path, "path");
            RegistryHandle h = null;
            int status = LibraryLoader.Run(() => NativeMethods.zn_registry_load(out h, name));
            if (status != NativeMethods.ZN_OK)
            {
                ZhinanException failure = Errors.Last(status);
                h.Dispose();
                throw failure;
            }
            return new Registry(h, new ReadOnlyCollection<Diagnostic>(new Diagnostic[0]));
        }

        /// <summary>Bad lines skipped when reading JSON Lines.</summary>
        public IReadOnlyList<Diagnostic> ParseDiagnostics { get; private set; }

        /// <summary>Writes the registry and its index to one file, atomically.</summary>
        public void Save(string path)
        {
            if (path == null) throw new ArgumentNullException("path");
            byte[] name = Utf8.Z(path, "path");
            Handle.Call(r => NativeMethods.zn_registry_save(r, name));
        }

        /// <summary>How many funded projects the registry holds (zn_registry_count).</summary>
        public int Count { get { return Handle.Use(r => Sizes.Count(NativeMethods.zn_registry_count(r))); } }

        /// <summary>Frees the handle now; later calls throw ObjectDisposedException.</summary>
        public void Dispose() { Handle.Dispose(); }
    }

    /// <summary>How the package numbers its entries (序号).</summary>
    public enum Numbering
    {
        /// <summary>1, 2, 3 … in each region's folder, as the call's example does.</summary>
        PerFolder = 0,
        /// <summary>One count across all the folders.</summary>
        Global = 1
    }

    /// <summary>How the package is written; every property may be left as it is.</summary>
    public sealed class PackageOptions
    {
        /// <summary>How entries are numbered; PerFolder unless set.</summary>
        public Numbering Numbering { get; set; }
        /// <summary>A folder for every region, even empty ones.</summary>
        public bool AllRegions { get; set; }
        /// <summary>GBK names with the Info-ZIP Unicode Path field, for old Chinese-locale tools.</summary>
        public bool GbkNames { get; set; }
        /// <summary>The 汇总表's 主管部门（盖章）; null leaves it blank to fill by hand.</summary>
        public string Department { get; set; }
        /// <summary>联系人</summary>
        public string Contact { get; set; }
        /// <summary>联系电话</summary>
        public string Phone { get; set; }
        /// <summary>填报日期, as text.</summary>
        public string Date { get; set; }
        /// <summary>Compressing threads; 0 is one per core.</summary>
        public int Threads { get; set; }
        /// <summary>The time on every entry; null is a fixed date, so the same input gives the same
        /// bytes.</summary>
        public DateTime? Time { get; set; }
        /// <summary>The folders a suggestion's Document (its 电子版) may lie in besides the folder of
        /// its own file; one anywhere else is refused (package.document_outside). Null or empty:
        /// only each file's own folder.</summary>
        public IList<string> DocumentRoots { get; set; }
    }

    /// <summary>How far the package is: Done of Total entries written.</summary>
    public sealed class PackageProgress
    {
        internal PackageProgress(int done, int total)
        {
            Done = done;
            Total = total;
        }

        /// <summary>Entries written so far.</summary>
        public int Done { get; private set; }
        /// <summary>Entries to write in all.</summary>
        public int Total { get; private set; }
    }

    /// <summary>The suggestions one competent department (or the whole province) gives
    /// together, under one profile (null: the built-in one). Add copies a suggestion in.</summary>
    public sealed class Batch : IDisposable
    {
        internal readonly BatchHandle Handle;
        private Registry registry;

        /// <summary>An empty batch (zn_batch_new) under profile (null: the built-in one).</summary>
        public Batch(Profile profile = null)
        {
            BatchHandle h = null;
            int status = LibraryLoader.Run(() => Profile.Use(profile, p => NativeMethods.zn_batch_new(out h, p)));
            if (status != NativeMethods.ZN_OK)
            {
                ZhinanException failure = Errors.Last(status);
                h.Dispose();
                throw failure;
            }
            Handle = h;
        }

        /// <summary>Adds a copy of the suggestion under name: the file it came from (relative
        /// document paths are found beside it; the default is its SourcePath) or any label the
        /// findings should name.</summary>
        public void Add(Suggestion suggestion, string name = null)
        {
            if (suggestion == null) throw new ArgumentNullException("suggestion");
            name = name ?? suggestion.SourcePath;
            if (name == null) throw new ArgumentException("name the suggestion: it was not read from a file", "name");
            byte[] text = Utf8.Z(name, "name");
            Handle.Call(b => suggestion.Handle.Use(s => NativeMethods.zn_batch_add(b, s, text)));
        }

        /// <summary>How many suggestions were added (zn_batch_count).</summary>
        public int Count { get { return Handle.Use(b => Sizes.Count(NativeMethods.zn_batch_count(b))); } }

        /// <summary>Funded projects to compare against as well (history.similar_funded); null
        /// for none. The batch keeps its own reference: the registry may be disposed.</summary>
        public Registry Registry
        {
            get { return registry; }
            set
            {
                Handle.Call(b => value == null ? NativeMethods.zn_batch_set_registry(b, IntPtr.Zero)
                                               : value.Handle.Use(r => NativeMethods.zn_batch_set_registry(b, r)));
                registry = value;
            }
        }

        /// <summary>The rules across the suggestions (batch.proposer_multiple, batch.duplicate,
        /// batch.similar, history.similar_funded); each finding's File is the later suggestion.</summary>
        public IReadOnlyList<Diagnostic> Check()
        {
            return Handle.Use(b =>
            {
                DiagnosticsHandle d;
                int status = NativeMethods.zn_batch_check(out d, b);
                return Errors.Finish(status, d);
            });
        }

        /// <summary>Checks every rule, then writes the package to zipPath and the 汇总表 beside it
        /// ("name-汇总表.xlsx" and ".csv"), atomically; returns the findings (warnings, each with
        /// its File). Throws ZhinanException with the findings: Refused (nothing written) when a
        /// suggestion has errors, IO when writing failed; OperationCanceledException when
        /// cancel was requested. An exception thrown by progress cancels, and is rethrown.</summary>
        public IReadOnlyList<Diagnostic> WritePackage(string zipPath, PackageOptions options = null,
                                                      IProgress<PackageProgress> progress = null,
                                                      CancellationToken cancel = default(CancellationToken))
        {
            if (zipPath == null) throw new ArgumentNullException("zipPath");
            options = options ?? new PackageOptions();
            byte[] path = Utf8.Z(zipPath, "zipPath");
            Exception raised = null;
            ProgressCallback callback = null;
            if (progress != null || cancel.CanBeCanceled)
            {
                callback = (user, done, total) =>
                {
                    if (raised != null) return 1;
                    try // nothing may unwind through the C frames: keep it, cancel, rethrow after
                    {
                        if (progress != null) progress.Report(new PackageProgress(Sizes.Count(done), Sizes.Count(total)));
                        return cancel.IsCancellationRequested ? 1 : 0;
                    }
                    catch (Exception e)
                    {
                        raised = e;
                        return 1;
                    }
                };
            }
            var texts = new List<IntPtr>();
            try
            {
                NativePackageOptions native = Native(options, texts);
                if (callback != null) native.Progress = Marshal.GetFunctionPointerForDelegate(callback);
                DiagnosticsHandle d = null;
                int status = Handle.Use(b => NativeMethods.zn_package_write(out d, b, path, ref native));
                ZhinanException failure = status != NativeMethods.ZN_OK ? Errors.Last(status) : null;
                IReadOnlyList<Diagnostic> found;
                using (d) found = Diagnostic.ReadAll(d);
                if (raised != null) ExceptionDispatchInfo.Capture(raised).Throw();
                if (failure != null && failure.Status == ZhinanStatus.Canceled && cancel.IsCancellationRequested)
                    throw new OperationCanceledException(failure.Message, failure, cancel);
                if (failure != null) throw failure.WithDiagnostics(found);
                return found;
            }
            finally
            {
                foreach (IntPtr text in texts) Marshal.FreeHGlobal(text);
                GC.KeepAlive(callback); // the native side held its pointer until here
            }
        }

        private static NativePackageOptions Native(PackageOptions o, List<IntPtr> texts)
        {
            var native = new NativePackageOptions
            {
                Version = NativePackageOptions.CurrentVersion,
                Numbering = (int)o.Numbering,
                AllRegions = o.AllRegions ? 1 : 0,
                GbkNames = o.GbkNames ? 1 : 0,
                Department = Text(o.Department, "Department", texts),
                Contact = Text(o.Contact, "Contact", texts),
                Phone = Text(o.Phone, "Phone", texts),
                Date = Text(o.Date, "Date", texts),
                Threads = o.Threads
            };
            if (o.DocumentRoots != null && o.DocumentRoots.Count > 0)
            {
                IntPtr array = Marshal.AllocHGlobal(IntPtr.Size * o.DocumentRoots.Count);
                texts.Add(array);
                for (int i = 0; i < o.DocumentRoots.Count; ++i)
                {
                    string what = "DocumentRoots[" + i + "]";
                    if (o.DocumentRoots[i] == null) throw new ArgumentNullException(what);
                    if (o.DocumentRoots[i].Length == 0) throw new ArgumentException(what + " is empty", what);
                    Marshal.WriteIntPtr(array, i * IntPtr.Size, Text(o.DocumentRoots[i], what, texts));
                }
                native.DocumentRoots = array;
                native.DocumentRootCount = new UIntPtr((uint)o.DocumentRoots.Count);
            }
            if (o.Time.HasValue)
            {
                DateTime t = o.Time.Value;
                native.Year = t.Year;
                native.Month = t.Month;
                native.Day = t.Day;
                native.Hour = t.Hour;
                native.Minute = t.Minute;
                native.Second = t.Second;
            }
            return native;
        }

        /// <summary>A NUL-terminated UTF-8 copy in unmanaged memory (freed by the caller via
        /// texts).</summary>
        private static IntPtr Text(string value, string what, List<IntPtr> texts)
        {
            byte[] bytes = Utf8.Z(value, what);
            if (bytes == null) return IntPtr.Zero;
            IntPtr p = Marshal.AllocHGlobal(bytes.Length);
            texts.Add(p);
            Marshal.Copy(bytes, 0, p, bytes.Length);
            return p;
        }

        /// <summary>Frees the handle now; later calls throw ObjectDisposedException.</summary>
        public void Dispose() { Handle.Dispose(); }
    }
}
