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
        Text = 0, // for the terminal: Chinese first, English after each line
        Json = 1, // one zhinan.audit/1 document
        Html = 2, // one self-contained page, printable on A4
        TextEnglish = 3 // as Text, in English alone
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

        public int PackagesDone { get; private set; }
        public int PackagesTotal { get; private set; }
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

        public void Dispose() { Handle.Dispose(); }
    }
}
