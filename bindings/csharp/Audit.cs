// The province's audit of the packages the departments send (.zip, .7z, .rar or an extracted
// folder): each read without trusting it, its layout, names and 汇总表 checked, every
// document read and validated, and the batch rules run across all the packages together.
using System;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;

namespace Zhinan
{
    /// <summary>The reports of an audit.</summary>
    public enum AuditFormat
    {
        /// <summary>For the terminal: each line in Chinese, then in English (ZN_AUDIT_REPORT_TEXT).</summary>
        Text = 0,
        /// <summary>One zhinan.audit/1 JSON document.</summary>
        Json = 1,
        /// <summary>One self-contained HTML page, printable on A4.</summary>
        Html = 2,
        /// <summary>As Text, in English alone.</summary>
        TextEnglish = 3
    }

    /// <summary>How far the audit is: PackagesDone of PackagesTotal, and the entries read so
    /// far over all packages.</summary>
    public sealed class AuditProgress
    {
        internal AuditProgress(int packagesDone, int packagesTotal, int entriesDone)
        {
            PackagesDone = packagesDone;
            PackagesTotal = packagesTotal;
            EntriesDone = entriesDone;
        }

        /// <summary>Packages read so far.</summary>
        public int PackagesDone { get; private set; }
        /// <summary>Packages added in all.</summary>
        public int PackagesTotal { get; private set; }
        /// <summary>Entries (files and folders) read so far, over all packages.</summary>
        public int EntriesDone { get; private set; }
    }

    /// <summary>Several packages audited together under one profile (null: the built-in one).
    /// Packages are read only when Run runs, in the order added; one that cannot be read is an
    /// audit.unreadable finding, not an exception. Report and WriteXlsx describe the last run;
    /// adding a package or setting the registry drops it.</summary>
    public sealed class Audit : IDisposable
    {
        internal readonly AuditHandle Handle;
        private Registry registry;

        /// <summary>An audit with no packages yet (zn_audit_new), under profile (null: the built-in
        /// one); it keeps its own reference to the profile, which may be disposed afterwards.</summary>
        public Audit(Profile profile = null)
        {
            AuditHandle h = null;
            int status = LibraryLoader.Run(() => Profile.Use(profile, p => NativeMethods.zn_audit_new(out h, p)));
            if (status != NativeMethods.ZN_OK)
            {
                ZhinanException failure = Errors.Last(status);
                h.Dispose();
                throw failure;
            }
            Handle = h;
        }

        /// <summary>A .zip, .7z or .rar file, or a folder; a 汇总表 beside the file
        /// ("NAME-汇总表.xlsx" or ".csv") is checked with it.</summary>
        public void AddPackageFile(string path)
        {
            if (path == null) throw new ArgumentNullException("path");
            byte[] name = Utf8.Z(path, "path");
            Handle.Call(a => NativeMethods.zn_audit_add_package_file(a, name));
        }

        /// <summary>A package held in memory (copied); name is its file name ("部门.zip"), which
        /// the findings and the reports use.</summary>
        public void AddPackageBytes(string name, byte[] bytes)
        {
            if (name == null) throw new ArgumentNullException("name");
            if (bytes == null) throw new ArgumentNullException("bytes");
            byte[] text = Utf8.Z(name, "name");
            // An empty array may cross as NULL, which the library refuses; one byte more, not
            // counted, keeps it an empty package (audit.unreadable).
            byte[] data = bytes.Length > 0 ? bytes : new byte[1];
            Handle.Call(a => NativeMethods.zn_audit_add_package_bytes(a, text, data, Sizes.Length(bytes)));
        }

        /// <summary>The funded projects compared as well (history.similar_funded); null for none.</summary>
        public Registry Registry { get { return registry; } }

        /// <summary>Also compare every suggestion with funded projects; null removes them. The
        /// audit keeps its own reference: the registry may be disposed afterwards.</summary>
        public void SetRegistry(Registry value)
        {
            Handle.Call(a => value == null ? NativeMethods.zn_audit_set_registry(a, IntPtr.Zero)
                                           : value.Handle.Use(r => NativeMethods.zn_audit_set_registry(a, r)));
            registry = value;
        }

        /// <summary>Audits every package added and returns every finding, each with its Package
        /// and Entry: the packages' structure, each document's rules (under mode), then the batch
        /// rules across the packages (each about the later suggestion). progress is called as it
        /// goes; returning false cancels (ZhinanException with Status Canceled), and an exception
        /// it throws cancels and is rethrown.</summary>
        public IReadOnlyList<Diagnostic> Run(Func<AuditProgress, bool> progress = null,
                                             ValidationMode mode = ValidationMode.Submit)
        {
            if (mode != ValidationMode.Submit && mode != ValidationMode.Draft) throw new ArgumentOutOfRangeException("mode");
            Exception raised = null;
            AuditProgressCallback callback = null;
            if (progress != null)
            {
                callback = (user, done, total, entries) =>
                {
                    if (raised != null) return 1;
                    try // nothing may unwind through the C frames: keep it, cancel, rethrow after
                    {
                        return progress(new AuditProgress(Sizes.Count(done), Sizes.Count(total), Sizes.Count(entries))) ? 0 : 1;
                    }
                    catch (Exception e)
                    {
                        raised = e;
                        return 1;
                    }
                };
            }
            try
            {
                var native = new NativeAuditOptions { Version = NativeAuditOptions.CurrentVersion, Mode = (int)mode };
                if (callback != null) native.Progress = Marshal.GetFunctionPointerForDelegate(callback);
                DiagnosticsHandle d = null;
                int status = Handle.Use(a => NativeMethods.zn_audit_run(out d, a, ref native));
                ZhinanException failure = status != NativeMethods.ZN_OK ? Errors.Last(status) : null;
                IReadOnlyList<Diagnostic> found;
                using (d) found = Diagnostic.ReadAll(d);
                if (raised != null) ExceptionDispatchInfo.Capture(raised).Throw();
                if (failure != null) throw failure;
                return found;
            }
            finally
            {
                GC.KeepAlive(callback); // the native side held its pointer until here
            }
        }

        /// <summary>The report of the last run; ZhinanException (InvalidArgument) before a run.</summary>
        public string Report(AuditFormat format = AuditFormat.Text)
        {
            if (format != AuditFormat.Text && format != AuditFormat.Json && format != AuditFormat.Html &&
                format != AuditFormat.TextEnglish)
                throw new ArgumentOutOfRangeException("format");
            return Handle.Use(a =>
            {
                IntPtr p;
                UIntPtr length;
                int status = NativeMethods.zn_audit_report(out p, out length, a, (int)format);
                return Utf8.Owned(status, p, length);
            });
        }

        /// <summary>The province-wide list of every suggestion read, as .xlsx, written atomically.</summary>
        public void WriteXlsx(string path)
        {
            if (path == null) throw new ArgumentNullException("path");
            byte[] name = Utf8.Z(path, "path");
            Handle.Call(a => NativeMethods.zn_audit_write_xlsx(a, name));
        }

        /// <summary>Frees the audit now (zn_audit_free); later calls throw ObjectDisposedException.</summary>
        public void Dispose() { Handle.Dispose(); }
    }
}
