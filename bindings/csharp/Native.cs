// The C ABI of libzhinan.so.1 as P/Invoke declarations, the handles that own its objects,
// and UTF-8 in and out. Internal: the public classes (Zhinan.cs, Profile.cs,
// Suggestion.cs) are what integrators use.
//
// Resolution: every import names "libzhinan.so.1", loaded beforehand by LibraryLoader
// (Loader.cs) from ZHINAN_LIBRARY, the application's folder, an install prefix or the
// system; nothing here may be called before LibraryLoader.Require has run.
//
// Strings never use the marshaler's string conversion (ANSI on Mono, the process code page
// on .NET Framework): they cross as byte[] of UTF-8 with a terminating NUL, and come back
// as IntPtr read byte by byte and decoded as UTF-8.
using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Text;

namespace Zhinan
{
    /// <summary>An owned zhinan object: freed once, by Dispose or by the finalizer.</summary>
    internal abstract class ZhinanHandle : SafeHandle
    {
        protected ZhinanHandle() : base(IntPtr.Zero, true) { }

        public override bool IsInvalid { get { return handle == IntPtr.Zero; } }

        /// <summary>Runs body with the raw pointer, keeping the handle alive (and not freed by
        /// another thread's Dispose or the finalizer) until body has copied what it needs.
        /// ObjectDisposedException when the handle was disposed.</summary>
        internal T Use<T>(Func<IntPtr, T> body)
        {
            bool added = false;
            try
            {
                DangerousAddRef(ref added);
                return body(handle);
            }
            finally
            {
                if (added) DangerousRelease();
            }
        }

        /// <summary>Use for a call that returns a zn_status: throws ZhinanException on failure.</summary>
        internal void Call(Func<IntPtr, int> call)
        {
            Errors.Check(Use(call));
        }
    }

    internal sealed class SuggestionHandle : ZhinanHandle
    {
        protected override bool ReleaseHandle()
        {
            NativeMethods.zn_suggestion_free(handle);
            return true;
        }
    }

    internal sealed class ProfileHandle : ZhinanHandle
    {
        protected override bool ReleaseHandle()
        {
            NativeMethods.zn_profile_free(handle);
            return true;
        }
    }

    internal sealed class DiagnosticsHandle : ZhinanHandle
    {
        protected override bool ReleaseHandle()
        {
            NativeMethods.zn_diagnostics_free(handle);
            return true;
        }
    }

    internal sealed class BatchHandle : ZhinanHandle
    {
        protected override bool ReleaseHandle()
        {
            NativeMethods.zn_batch_free(handle);
            return true;
        }
    }

    internal sealed class RegistryHandle : ZhinanHandle
    {
        protected override bool ReleaseHandle()
        {
            NativeMethods.zn_registry_free(handle);
            return true;
        }
    }

    internal sealed class AuditHandle : ZhinanHandle
    {
        protected override bool ReleaseHandle()
        {
            NativeMethods.zn_audit_free(handle);
            return true;
        }
    }

    /// <summary>int (*zn_progress_fn)(void *user, size_t done, size_t total)</summary>
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    internal delegate int ProgressCallback(IntPtr user, UIntPtr done, UIntPtr total);

    /// <summary>zn_package_options, version 2, field for field.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct NativePackageOptions
    {
        internal const int CurrentVersion = 2; // ZN_PACKAGE_OPTIONS_VERSION

        public int Version;
        public int Numbering;
        public int AllRegions;
        public int GbkNames;
        public IntPtr Department; // const char *, UTF-8
        public IntPtr Contact;
        public IntPtr Phone;
        public IntPtr Date;
        public int Threads;
        public IntPtr Progress;   // zn_progress_fn
        public IntPtr ProgressUser;
        public int Year, Month, Day, Hour, Minute, Second;
        // version 2
        public IntPtr DocumentRoots;      // const char *const *, DocumentRootCount UTF-8 paths
        public UIntPtr DocumentRootCount;
    }

    /// <summary>int (*zn_audit_progress_fn)(void *user, size_t packages_done, size_t packages_total,
    /// size_t entries_done)</summary>
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    internal delegate int AuditProgressCallback(IntPtr user, UIntPtr packagesDone, UIntPtr packagesTotal,
                                                UIntPtr entriesDone);

    /// <summary>zn_audit_options, version 1, field for field.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct NativeAuditOptions
    {
        internal const int CurrentVersion = 1; // ZN_AUDIT_OPTIONS_VERSION

        public int Version;
        public int Mode;
        public IntPtr Progress; // zn_audit_progress_fn
        public IntPtr ProgressUser;
    }

    internal static class NativeMethods
    {
        private const string Lib = LibraryLoader.ImportName;
        private const CallingConvention Cdecl = CallingConvention.Cdecl;

        internal const int ZN_OK = 0;

        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern int zn_version(out int major, out int minor, out int patch);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern IntPtr zn_version_string();
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern IntPtr zn_error_last();
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern IntPtr zn_error_last_id();
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern void zn_string_free(IntPtr s);

        // Diagnostics
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern UIntPtr zn_diagnostics_count(IntPtr d);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern IntPtr zn_diagnostics_id(IntPtr d, UIntPtr i);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern IntPtr zn_diagnostics_file(IntPtr d, UIntPtr i);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern IntPtr zn_diagnostics_package(IntPtr d, UIntPtr i);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern IntPtr zn_diagnostics_entry(IntPtr d, UIntPtr i);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern int zn_diagnostics_severity(IntPtr d, UIntPtr i);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern IntPtr zn_diagnostics_path(IntPtr d, UIntPtr i);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern IntPtr zn_diagnostics_message_zh(IntPtr d, UIntPtr i);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern IntPtr zn_diagnostics_message_en(IntPtr d, UIntPtr i);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern int zn_diagnostics_location(out int line, out int column, IntPtr d, UIntPtr i);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern UIntPtr zn_diagnostics_param_count(IntPtr d, UIntPtr i);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern IntPtr zn_diagnostics_param_name(IntPtr d, UIntPtr i, UIntPtr k);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern IntPtr zn_diagnostics_param_value(IntPtr d, UIntPtr i, UIntPtr k);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern void zn_diagnostics_free(IntPtr d);

        // Profile
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern int zn_profile_builtin(out ProfileHandle p);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern int zn_profile_from_json(out ProfileHandle p, out DiagnosticsHandle d, byte[] json, UIntPtr len);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern int zn_profile_from_file(out ProfileHandle p, out DiagnosticsHandle d, byte[] path);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern void zn_profile_free(IntPtr p);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern IntPtr zn_profile_id(IntPtr p);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern IntPtr zn_profile_name(IntPtr p);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern UIntPtr zn_profile_count(IntPtr p, int list);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern IntPtr zn_profile_code(IntPtr p, int list, UIntPtr i);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern IntPtr zn_profile_label(IntPtr p, int list, UIntPtr i);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern IntPtr zn_profile_region_folder(IntPtr p, UIntPtr i);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern int zn_profile_trl_range(out int lowest, out int highest, IntPtr p);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern IntPtr zn_profile_trl_name(IntPtr p, int level);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern IntPtr zn_profile_trl_criterion(IntPtr p, int level);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern int zn_profile_limits(out int keyTechnologiesMax, out int overviewMax, IntPtr p);

        // Suggestion
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern int zn_suggestion_new(out SuggestionHandle s);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern int zn_suggestion_from_json(out SuggestionHandle s, out DiagnosticsHandle d, IntPtr profile,
                                                           byte[] json, UIntPtr len);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern int zn_suggestion_from_file(out SuggestionHandle s, out DiagnosticsHandle d, IntPtr profile,
                                                           byte[] path);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern int zn_suggestion_from_docx(out SuggestionHandle s, out DiagnosticsHandle d, IntPtr profile,
                                                           byte[] bytes, UIntPtr len);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern int zn_suggestion_from_docx_file(out SuggestionHandle s, out DiagnosticsHandle d,
                                                                IntPtr profile, byte[] path);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern int zn_suggestion_to_json(out IntPtr json, out UIntPtr len, IntPtr s);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern int zn_suggestion_clone(out SuggestionHandle copy, IntPtr s);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern void zn_suggestion_free(IntPtr s);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern IntPtr zn_suggestion_get(IntPtr s, int field);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern int zn_suggestion_set(IntPtr s, int field, byte[] utf8);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern UIntPtr zn_suggestion_industry_count(IntPtr s);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern IntPtr zn_suggestion_industry(IntPtr s, UIntPtr i);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern int zn_suggestion_set_industry(IntPtr s, byte[] codeOrLabel);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern int zn_suggestion_add_industry(IntPtr s, byte[] codeOrLabel);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern UIntPtr zn_suggestion_region_count(IntPtr s);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern IntPtr zn_suggestion_region(IntPtr s, UIntPtr i);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern int zn_suggestion_set_region(IntPtr s, byte[] codeOrLabel);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern int zn_suggestion_add_region(IntPtr s, byte[] codeOrLabel);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern int zn_suggestion_type_flags(IntPtr s);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern int zn_suggestion_set_type_flags(IntPtr s, int flags);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern UIntPtr zn_suggestion_subtype_count(IntPtr s);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern IntPtr zn_suggestion_subtype(IntPtr s, UIntPtr i);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern int zn_suggestion_set_subtypes(IntPtr s, IntPtr[] codes, UIntPtr count);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern UIntPtr zn_suggestion_key_tech_count(IntPtr s);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern IntPtr zn_suggestion_key_tech_name(IntPtr s, UIntPtr i);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern IntPtr zn_suggestion_key_tech_description(IntPtr s, UIntPtr i);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern int zn_suggestion_key_tech_levels(out int current, out int expected, IntPtr s, UIntPtr i);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern int zn_suggestion_add_key_tech(out UIntPtr index, IntPtr s, byte[] name, byte[] description,
                                                              int current, int expected);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern int zn_suggestion_set_key_tech(IntPtr s, UIntPtr i, byte[] name, byte[] description,
                                                              int current, int expected);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern int zn_suggestion_remove_key_tech(IntPtr s, UIntPtr i);

        // Validation and the rule registry
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern int zn_validate(out DiagnosticsHandle d, IntPtr s, IntPtr profile, int mode);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern UIntPtr zn_rule_count();
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern IntPtr zn_rule_id(UIntPtr i);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern int zn_rule_severity(UIntPtr i);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern IntPtr zn_rule_field(UIntPtr i);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern IntPtr zn_rule_message_zh(UIntPtr i);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern IntPtr zn_rule_message_en(UIntPtr i);

        // Text
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern int zn_count(out UIntPtr count, byte[] text, UIntPtr len, int mode);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern int zn_fold(out IntPtr folded, out UIntPtr len, byte[] text, UIntPtr textLen);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern int zn_name_sanitize(out IntPtr name, out UIntPtr len, out DiagnosticsHandle changes, byte[] text);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern int zn_name_entry(out IntPtr name, out UIntPtr len, out DiagnosticsHandle changes, byte[] folder,
                                                 int number, byte[] title, byte[] unit, byte[] extension, byte[] pattern);

        // Across suggestions, and the package
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern int zn_registry_from_jsonl_file(out RegistryHandle r, out DiagnosticsHandle d, IntPtr profile,
                                                               byte[] path);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern int zn_registry_save(IntPtr r, byte[] path);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern int zn_registry_load(out RegistryHandle r, byte[] path);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern UIntPtr zn_registry_count(IntPtr r);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern void zn_registry_free(IntPtr r);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern int zn_batch_new(out BatchHandle b, IntPtr profile);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern int zn_batch_add(IntPtr b, IntPtr s, byte[] name);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern UIntPtr zn_batch_count(IntPtr b);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern int zn_batch_set_registry(IntPtr b, IntPtr r);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern int zn_batch_check(out DiagnosticsHandle d, IntPtr b);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern void zn_batch_free(IntPtr b);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern int zn_package_write(out DiagnosticsHandle d, IntPtr b, byte[] zipPath,
                                                    ref NativePackageOptions options);

        // The audit of received packages
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern int zn_audit_new(out AuditHandle a, IntPtr profile);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern void zn_audit_free(IntPtr a);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern int zn_audit_add_package_file(IntPtr a, byte[] path);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern int zn_audit_add_package_bytes(IntPtr a, byte[] name, byte[] bytes, UIntPtr len);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern int zn_audit_set_registry(IntPtr a, IntPtr registry);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern int zn_audit_run(out DiagnosticsHandle findings, IntPtr a, ref NativeAuditOptions options);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern int zn_audit_report(out IntPtr report, out UIntPtr len, IntPtr a, int format);
        [DllImport(Lib, CallingConvention = Cdecl, ExactSpelling = true)]
        internal static extern int zn_audit_write_xlsx(IntPtr a, byte[] path);
    }

    /// <summary>UTF-8 both ways, strictly: text that is not valid Unicode is refused, never
    /// replaced by U+FFFD behind the caller's back.</summary>
    internal static class Utf8
    {
        private static readonly UTF8Encoding Strict = new UTF8Encoding(false, true);

        /// <summary>The bytes of text without a terminator (for calls that take a length).</summary>
        internal static byte[] Bytes(string text, string what)
        {
            if (text == null) throw new ArgumentNullException(what);
            try
            {
                return Strict.GetBytes(text);
            }
            catch (EncoderFallbackException e)
            {
                throw new ArgumentException(what + " is not valid Unicode (a lone surrogate)", what, e);
            }
        }

        /// <summary>A NUL-terminated UTF-8 copy for a const char * (null stays NULL).</summary>
        internal static byte[] Z(string text, string what)
        {
            if (text == null) return null;
            if (text.IndexOf('\0') >= 0) throw new ArgumentException(what + " contains a NUL character", what);
            byte[] bytes = Bytes(text, what);
            Array.Resize(ref bytes, bytes.Length + 1);
            return bytes;
        }

        /// <summary>A borrowed const char *, copied now; null for NULL.</summary>
        internal static string From(IntPtr p)
        {
            if (p == IntPtr.Zero) return null;
            int length = 0;
            while (Marshal.ReadByte(p, length) != 0) ++length;
            return From(p, length);
        }

        internal static string From(IntPtr p, int length)
        {
            var bytes = new byte[length];
            Marshal.Copy(p, bytes, 0, length);
            return Strict.GetString(bytes);
        }

        /// <summary>A string the library handed over (char ** with its length): copied, then
        /// freed with zn_string_free whatever happens.</summary>
        internal static string Owned(int status, IntPtr p, UIntPtr length)
        {
            try
            {
                Errors.Check(status);
                return From(p, checked((int)length.ToUInt64()));
            }
            finally
            {
                NativeMethods.zn_string_free(p);
            }
        }
    }

    internal static class Errors
    {
        /// <summary>The exception for a failure just returned. zn_error_last is per thread and
        /// lasts until the next zhinan call, so this comes right after the failing one.</summary>
        internal static ZhinanException Last(int status, IReadOnlyList<Diagnostic> diagnostics = null)
        {
            string message = Utf8.From(NativeMethods.zn_error_last()) ?? "";
            string ruleId = Utf8.From(NativeMethods.zn_error_last_id()) ?? "";
            if (message.Length == 0) message = "zhinan status " + status + "\nzhinan status " + status;
            return new ZhinanException((ZhinanStatus)status, ruleId, message, diagnostics);
        }

        internal static void Check(int status)
        {
            if (status != NativeMethods.ZN_OK) throw Last(status);
        }

        /// <summary>A getter's result: NULL means the call was refused; zn_error_last says why.</summary>
        internal static string Borrowed(IntPtr p)
        {
            if (p == IntPtr.Zero) throw Last((int)ZhinanStatus.InvalidArgument);
            return Utf8.From(p);
        }

        /// <summary>The end of every reader: the findings (freed here), and the exception carrying
        /// them when nothing could be read.</summary>
        internal static IReadOnlyList<Diagnostic> Finish(int status, DiagnosticsHandle d)
        {
            ZhinanException failure = status != NativeMethods.ZN_OK ? Last(status) : null;
            IReadOnlyList<Diagnostic> found;
            using (d)
            {
                found = Diagnostic.ReadAll(d);
            }
            if (failure != null) throw failure.WithDiagnostics(found);
            return found;
        }
    }

    internal static class Sizes
    {
        internal static int Count(UIntPtr n)
        {
            return checked((int)n.ToUInt64());
        }

        internal static UIntPtr Index(int i)
        {
            return new UIntPtr(checked((uint)i));
        }

        internal static UIntPtr Length(byte[] bytes)
        {
            return new UIntPtr((uint)bytes.Length);
        }
    }
}
