// zhinan for C#: check guideline suggestions (指南建议) for the Shandong provincial
// international S&T cooperation call through libzhinan's C API.
//
//   using (var s = Suggestion.FromFile("建议.json"))
//   {
//       Console.WriteLine(s.Title);
//       foreach (var d in Validator.Validate(s)) Console.WriteLine(d.MessageZh);
//   }
//
// Failures throw ZhinanException (status, rule id, Chinese and English message); findings
// come back as Diagnostic values, never thrown. Profile, Suggestion, Batch, Registry and
// Audit own C handles: dispose them (using) to free them at once; the finalizer frees them
// otherwise, once.
// An object is used by one thread at a time; different objects on different threads.
using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Text;

namespace Zhinan
{
    /// <summary>zn_status: what a failed call returns. Never renumbered.</summary>
    public enum ZhinanStatus
    {
        /// <summary>ZN_OK: success.</summary>
        Ok = 0,
        /// <summary>ZN_EINVAL: an argument is invalid (NULL, out of range, not UTF-8).</summary>
        InvalidArgument = -1,
        /// <summary>ZN_EPARSE: the input could not be read at all (see Diagnostics).</summary>
        Parse = -2,
        /// <summary>ZN_EIO: a file could not be read or written.</summary>
        IO = -3,
        /// <summary>ZN_ENOMEM: out of memory.</summary>
        OutOfMemory = -4,
        /// <summary>ZN_ENOTFOUND: no such code in the call profile.</summary>
        NotFound = -5,
        /// <summary>ZN_EREFUSED: the package was refused, a suggestion has errors (see
        /// Diagnostics).</summary>
        Refused = -6,
        /// <summary>ZN_ECANCELED: the progress callback cancelled; nothing was written.</summary>
        Canceled = -7,
        /// <summary>ZN_EINTERNAL: a bug in zhinan; the message says what.</summary>
        Internal = -99
    }

    /// <summary>A failed zhinan call. Message is Chinese, a newline, then English.</summary>
    public sealed class ZhinanException : Exception
    {
        private static readonly IReadOnlyList<Diagnostic> None = new ReadOnlyCollection<Diagnostic>(new Diagnostic[0]);

        internal ZhinanException(ZhinanStatus status, string ruleId, string message, IReadOnlyList<Diagnostic> diagnostics)
            : base(message)
        {
            Status = status;
            RuleId = ruleId ?? "";
            int newline = message.IndexOf('\n');
            MessageZh = newline < 0 ? message : message.Substring(0, newline);
            MessageEn = newline < 0 ? "" : message.Substring(newline + 1);
            Diagnostics = diagnostics ?? None;
        }

        /// <summary>The zn_status the call returned.</summary>
        public ZhinanStatus Status { get; private set; }
        /// <summary>The rule id of the failure ("format.json_invalid", …), "" when it has none.</summary>
        public string RuleId { get; private set; }
        /// <summary>The message in Chinese (zn_error_last up to its newline).</summary>
        public string MessageZh { get; private set; }
        /// <summary>The message in English (zn_error_last after its newline).</summary>
        public string MessageEn { get; private set; }
        /// <summary>What was wrong with input that could not be read; empty otherwise.</summary>
        public IReadOnlyList<Diagnostic> Diagnostics { get; private set; }

        internal ZhinanException WithDiagnostics(IReadOnlyList<Diagnostic> diagnostics)
        {
            return new ZhinanException(Status, RuleId, Message, diagnostics);
        }
    }

    /// <summary>zn_severity: how serious a finding is.</summary>
    public enum Severity
    {
        /// <summary>ZN_SEVERITY_ERROR: the suggestion cannot be submitted so.</summary>
        Error = 0,
        /// <summary>ZN_SEVERITY_WARNING: to check, not refused.</summary>
        Warning = 1,
        /// <summary>ZN_SEVERITY_INFO: for information.</summary>
        Info = 2
    }

    /// <summary>One finding of reading or validating: the rule id of SPEC.md, its severity, the
    /// JSON pointer of the field, the messages, the 1-based line and column in the raw text
    /// (0 when it has none), the parameters the messages cite (limit, count, …) and, when
    /// several suggestions were checked together, the one it is about (File); a finding of an
    /// audit names its package (Package) and the entry inside it (Entry).</summary>
    public sealed class Diagnostic
    {
        /// <summary>A finding not about an audit's package (Package and Entry ""); parameters is
        /// copied.</summary>
        public Diagnostic(string id, Severity severity, string path, string messageZh, string messageEn, int line, int column,
                          IDictionary<string, string> parameters, string file = "")
            : this(id, severity, path, messageZh, messageEn, line, column, parameters, file, "", "")
        {
        }

        /// <summary>A finding with every field; null file, package or entry is "", parameters is
        /// copied.</summary>
        public Diagnostic(string id, Severity severity, string path, string messageZh, string messageEn, int line, int column,
                          IDictionary<string, string> parameters, string file, string package, string entry)
        {
            File = file ?? "";
            Package = package ?? "";
            Entry = entry ?? "";
            Id = id;
            Severity = severity;
            Path = path;
            MessageZh = messageZh;
            MessageEn = messageEn;
            Line = line;
            Column = column;
            Params = new ReadOnlyDictionary<string, string>(new Dictionary<string, string>(parameters));
        }

        /// <summary>The rule id of SPEC.md ("overview.too_long", …).</summary>
        public string Id { get; private set; }
        /// <summary>How serious it is.</summary>
        public Severity Severity { get; private set; }
        /// <summary>The JSON pointer of the field ("/overview"; "" for the whole suggestion).</summary>
        public string Path { get; private set; }
        /// <summary>The message in Chinese.</summary>
        public string MessageZh { get; private set; }
        /// <summary>The message in English.</summary>
        public string MessageEn { get; private set; }
        /// <summary>The 1-based line in the raw text; 0 when it has none.</summary>
        public int Line { get; private set; }
        /// <summary>The 1-based column in the raw text; 0 when it has none.</summary>
        public int Column { get; private set; }
        /// <summary>The parameters the messages cite (limit, count, value, …), in order.</summary>
        public IReadOnlyDictionary<string, string> Params { get; private set; }
        /// <summary>The suggestion's name in a batch ("" for a single suggestion).</summary>
        public string File { get; private set; }
        /// <summary>An audit's finding: the package it is about, its file name ("" otherwise).</summary>
        public string Package { get; private set; }
        /// <summary>An audit's finding: the entry inside the package as read ("" for the package
        /// as a whole, and for other findings).</summary>
        public string Entry { get; private set; }

        /// <summary>"severity id where: MessageZh", where is the line:column or the path, after File,
        /// Package and Entry.</summary>
        public override string ToString()
        {
            string where = Line > 0 ? Line + ":" + Column : Path;
            if (File.Length > 0) where = File + " " + where;
            if (Package.Length > 0)
            {
                string place = Entry.Length > 0 ? Package + "/" + Entry : Package;
                where = where.Length > 0 ? place + " " + where : place;
            }
            return Severity.ToString().ToLowerInvariant() + " " + Id + " " + where + ": " + MessageZh;
        }

        internal static IReadOnlyList<Diagnostic> ReadAll(DiagnosticsHandle d)
        {
            if (d.IsInvalid) return new ReadOnlyCollection<Diagnostic>(new Diagnostic[0]);
            return d.Use(p =>
            {
                int n = Sizes.Count(NativeMethods.zn_diagnostics_count(p));
                var found = new List<Diagnostic>(n);
                for (int i = 0; i < n; ++i)
                {
                    UIntPtr at = Sizes.Index(i);
                    int line, column;
                    NativeMethods.zn_diagnostics_location(out line, out column, p, at);
                    var parameters = new Dictionary<string, string>();
                    int count = Sizes.Count(NativeMethods.zn_diagnostics_param_count(p, at));
                    for (int k = 0; k < count; ++k)
                        parameters[Utf8.From(NativeMethods.zn_diagnostics_param_name(p, at, Sizes.Index(k)))] =
                            Utf8.From(NativeMethods.zn_diagnostics_param_value(p, at, Sizes.Index(k)));
                    found.Add(new Diagnostic(Utf8.From(NativeMethods.zn_diagnostics_id(p, at)),
                                             (Severity)NativeMethods.zn_diagnostics_severity(p, at),
                                             Utf8.From(NativeMethods.zn_diagnostics_path(p, at)),
                                             Utf8.From(NativeMethods.zn_diagnostics_message_zh(p, at)),
                                             Utf8.From(NativeMethods.zn_diagnostics_message_en(p, at)), line, column,
                                             parameters, Utf8.From(NativeMethods.zn_diagnostics_file(p, at)),
                                             Utf8.From(NativeMethods.zn_diagnostics_package(p, at)),
                                             Utf8.From(NativeMethods.zn_diagnostics_entry(p, at))));
                }
                return (IReadOnlyList<Diagnostic>)found.AsReadOnly();
            });
        }
    }

    /// <summary>Lists of findings, as the C API writes them.</summary>
    public static class Diagnostics
    {
        /// <summary>The findings as one JSON array, character for character as
        /// zn_diagnostics_to_json writes it: per finding file and package (each only when not
        /// ""), entry (when package or entry is not ""), id, severity ("error", "warning" or
        /// "info"), path, message_zh, message_en, line, column (0 when none) and params (an
        /// object of strings); compact, with Chinese as it is. What a web service or a log
        /// stores.</summary>
        public static string ToJson(this IEnumerable<Diagnostic> findings)
        {
            if (findings == null) throw new ArgumentNullException("findings");
            var json = new StringBuilder("[");
            bool first = true;
            foreach (Diagnostic d in findings)
            {
                if (d == null) throw new ArgumentException("a finding is null", "findings");
                if (!first) json.Append(',');
                first = false;
                json.Append('{');
                if (d.File.Length > 0) Member(json, "file", d.File).Append(',');
                if (d.Package.Length > 0) Member(json, "package", d.Package).Append(',');
                if (d.Package.Length > 0 || d.Entry.Length > 0) Member(json, "entry", d.Entry).Append(',');
                Member(json, "id", d.Id).Append(',');
                Member(json, "severity", d.Severity.ToString().ToLowerInvariant()).Append(',');
                Member(json, "path", d.Path).Append(',');
                Member(json, "message_zh", d.MessageZh).Append(',');
                Member(json, "message_en", d.MessageEn).Append(',');
                json.Append("\"line\":").Append(d.Line.ToString(CultureInfo.InvariantCulture)).Append(',');
                json.Append("\"column\":").Append(d.Column.ToString(CultureInfo.InvariantCulture)).Append(',');
                json.Append("\"params\":{");
                bool firstParam = true;
                foreach (KeyValuePair<string, string> param in d.Params)
                {
                    if (!firstParam) json.Append(',');
                    firstParam = false;
                    Member(json, param.Key, param.Value);
                }
                json.Append("}}");
            }
            return json.Append(']').ToString();
        }

        private static StringBuilder Member(StringBuilder json, string name, string value)
        {
            return Text(Text(json, name).Append(':'), value);
        }

        /// <summary>A JSON string as Boost.JSON writes it: \" \\ \b \t \n \f \r, other
        /// control characters as \u00xx, everything else as it is.</summary>
        private static StringBuilder Text(StringBuilder json, string text)
        {
            json.Append('"');
            foreach (char c in text ?? "")
            {
                switch (c)
                {
                case '"': json.Append("\\\""); break;
                case '\\': json.Append("\\\\"); break;
                case '\b': json.Append("\\b"); break;
                case '\t': json.Append("\\t"); break;
                case '\n': json.Append("\\n"); break;
                case '\f': json.Append("\\f"); break;
                case '\r': json.Append("\\r"); break;
                default:
                    if (c < ' ') json.Append("\\u00").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    else json.Append(c);
                    break;
                }
            }
            return json.Append('"');
        }
    }

    /// <summary>zn_mode: how strictly Validate checks.</summary>
    public enum ValidationMode
    {
        /// <summary>The department's check before packaging: the rules as SPEC.md lists them.</summary>
        Submit = 0,
        /// <summary>A unit still filling the form: every "*missing" rule is a warning.</summary>
        Draft = 1
    }

    /// <summary>zn_validate: the call's rules for one suggestion.</summary>
    public static class Validator
    {
        /// <summary>Every single-suggestion rule of the call (zn_validate), under profile (null:
        /// the profile the suggestion was read under; the built-in 2025 one for new Suggestion()),
        /// in the form's order, then the report outline's. Throws only when the check could not
        /// run.</summary>
        public static IReadOnlyList<Diagnostic> Validate(Suggestion suggestion, Profile profile = null,
                                                         ValidationMode mode = ValidationMode.Submit)
        {
            if (suggestion == null) throw new ArgumentNullException("suggestion");
            if (mode != ValidationMode.Submit && mode != ValidationMode.Draft) throw new ArgumentOutOfRangeException("mode");
            return suggestion.Handle.Use(s => Profile.Use(profile, p =>
            {
                DiagnosticsHandle d;
                int status = NativeMethods.zn_validate(out d, s, p, (int)mode);
                if (status != NativeMethods.ZN_OK)
                {
                    ZhinanException failure = Errors.Last(status);
                    d.Dispose();
                    throw failure;
                }
                using (d) return Diagnostic.ReadAll(d);
            }));
        }
    }

    /// <summary>A rule of the registry: its id, default severity, the form's field (Chinese)
    /// and its message templates.</summary>
    public sealed class Rule
    {
        internal Rule(string id, Severity severity, string field, string messageZh, string messageEn)
        {
            Id = id;
            Severity = severity;
            Field = field;
            MessageZh = messageZh ?? "";
            MessageEn = messageEn ?? "";
        }

        /// <summary>The rule id (stable; see SPEC.md).</summary>
        public string Id { get; private set; }
        /// <summary>Its default severity.</summary>
        public Severity Severity { get; private set; }
        /// <summary>The form's field it concerns, in Chinese.</summary>
        public string Field { get; private set; }
        /// <summary>Its message in Chinese as a template (zn_rule_message_zh): {name} stands where
        /// a finding puts its Params value ("项目概述超过{limit}字…"), {count|one|many} picks a
        /// word by the number.</summary>
        public string MessageZh { get; private set; }
        /// <summary>Its message in English as a template, like MessageZh (zn_rule_message_en).</summary>
        public string MessageEn { get; private set; }
    }

    /// <summary>The library actually loaded.</summary>
    public static class Library
    {
        /// <summary>The major version this wrapper was written for (ZN_VERSION_MAJOR).</summary>
        public const int AbiMajor = 1;

        /// <summary>The version of the library loaded (zn_version).</summary>
        public static Version Version
        {
            get
            {
                return LibraryLoader.Run(() =>
                {
                    int major, minor, patch;
                    NativeMethods.zn_version(out major, out minor, out patch);
                    return new Version(major, minor, patch);
                });
            }
        }

        /// <summary>The version of the library loaded as text, "1.0.0" (zn_version_string).</summary>
        public static string VersionString
        {
            get { return LibraryLoader.Run(() => Utf8.From(NativeMethods.zn_version_string())); }
        }

        /// <summary>The file libzhinan was loaded from: ZHINAN_LIBRARY, the application's folder,
        /// an install prefix's libdir (a full path), or the bare file name the system loader
        /// found. Loads the library when nothing has yet; DllNotFoundException, naming every
        /// place tried, when it cannot be loaded.</summary>
        public static string LoadedFrom { get { return LibraryLoader.LoadedFrom; } }

        /// <summary>Throws when the loaded library is of another major version than this wrapper.</summary>
        public static void CheckVersion()
        {
            if (Version.Major != AbiMajor)
                throw new NotSupportedException("libzhinan " + VersionString + " is loaded; this wrapper needs " + AbiMajor + ".x");
        }

        /// <summary>Every rule of the registry (zn_rule_count, zn_rule_id, zn_rule_severity,
        /// zn_rule_field, zn_rule_message_zh and _en), in the library's order.</summary>
        public static IReadOnlyList<Rule> Rules
        {
            get
            {
                return LibraryLoader.Run(() =>
                {
                    int n = Sizes.Count(NativeMethods.zn_rule_count());
                    var rules = new List<Rule>(n);
                    for (int i = 0; i < n; ++i)
                    {
                        UIntPtr at = Sizes.Index(i);
                        rules.Add(new Rule(Utf8.From(NativeMethods.zn_rule_id(at)),
                                           (Severity)NativeMethods.zn_rule_severity(at), Utf8.From(NativeMethods.zn_rule_field(at)),
                                           Utf8.From(NativeMethods.zn_rule_message_zh(at)),
                                           Utf8.From(NativeMethods.zn_rule_message_en(at))));
                    }
                    return (IReadOnlyList<Rule>)rules.AsReadOnly();
                });
            }
        }
    }

    /// <summary>zn_count_mode: what TextTools.Count counts.</summary>
    public enum CountMode
    {
        /// <summary>Word's 字数: East Asian characters plus runs of other text, what "1000字以内" means.</summary>
        Word = 0,
        /// <summary>字符数(不计空格): characters without spaces.</summary>
        Chars = 1,
        /// <summary>字符数(计空格): characters with spaces.</summary>
        CharsWithSpaces = 2,
        /// <summary>User-perceived characters (grapheme clusters).</summary>
        Graphemes = 3
    }

    /// <summary>Counting 字 as reviewers do, folding text for comparison, package file names.</summary>
    public static class TextTools
    {
        /// <summary>Counts text as reviewers do with Word's 字数统计 (zn_count), nothing normalized
        /// first.</summary>
        public static int Count(string text, CountMode mode = CountMode.Word)
        {
            byte[] bytes = Utf8.Bytes(text, "text");
            return LibraryLoader.Run(() =>
            {
                UIntPtr n;
                Errors.Check(NativeMethods.zn_count(out n, bytes, Sizes.Length(bytes), (int)mode));
                return Sizes.Count(n);
            });
        }

        /// <summary>Text as the duplicate rules compare it (NFKC, case and width folded,
        /// Traditional to Simplified, without punctuation or white space).</summary>
        public static string Fold(string text)
        {
            byte[] bytes = Utf8.Bytes(text, "text");
            return LibraryLoader.Run(() =>
            {
                IntPtr p;
                UIntPtr length;
                int status = NativeMethods.zn_fold(out p, out length, bytes, Sizes.Length(bytes));
                return Utf8.Owned(status, p, length);
            });
        }

        /// <summary>One file or folder name made legal and readable everywhere; changes lists
        /// what was changed ("name.*" findings).</summary>
        public static string SanitizeName(string name, out IReadOnlyList<Diagnostic> changes)
        {
            if (name == null) throw new ArgumentNullException("name");
            byte[] text = Utf8.Z(name, "name");
            IReadOnlyList<Diagnostic> found = null;
            string sanitized = LibraryLoader.Run(() =>
            {
                IntPtr p;
                UIntPtr length;
                DiagnosticsHandle d;
                int status = NativeMethods.zn_name_sanitize(out p, out length, out d, text);
                return Named(status, p, length, d, out found);
            });
            changes = found;
            return sanitized;
        }

        /// <summary>A package entry's name, 序号.项目名称-建议单位.ext, short enough for every
        /// unzip tool. folder may be null (the root), pattern null (the call's own); title, unit
        /// and extension may be "" but not null.</summary>
        public static string EntryName(int number, string title, string unit, string extension, string folder,
                                       string pattern, out IReadOnlyList<Diagnostic> changes)
        {
            if (title == null) throw new ArgumentNullException("title");
            if (unit == null) throw new ArgumentNullException("unit");
            if (extension == null) throw new ArgumentNullException("extension");
            byte[] folderZ = Utf8.Z(folder, "folder"), titleZ = Utf8.Z(title, "title"), unitZ = Utf8.Z(unit, "unit"),
                   extensionZ = Utf8.Z(extension, "extension"), patternZ = Utf8.Z(pattern, "pattern");
            IReadOnlyList<Diagnostic> found = null;
            string entry = LibraryLoader.Run(() =>
            {
                IntPtr p;
                UIntPtr length;
                DiagnosticsHandle d;
                int status = NativeMethods.zn_name_entry(out p, out length, out d, folderZ, number, titleZ, unitZ,
                                                         extensionZ, patternZ);
                return Named(status, p, length, d, out found);
            });
            changes = found;
            return entry;
        }

        private static string Named(int status, IntPtr p, UIntPtr length, DiagnosticsHandle d,
                                    out IReadOnlyList<Diagnostic> changes)
        {
            using (d)
            {
                string name = Utf8.Owned(status, p, length); // throws on failure, d freed either way
                changes = Diagnostic.ReadAll(d);
                return name;
            }
        }
    }
}
