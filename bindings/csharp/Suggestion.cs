// One 指南建议 (zn_suggestion): the 信息表's fields, read from and written to JSON.
using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Runtime.InteropServices;

namespace Zhinan
{
    /// <summary>项目类型 (ZN_TYPE_*).</summary>
    [Flags]
    public enum ProjectTypes
    {
        /// <summary>No type ticked.</summary>
        None = 0,
        /// <summary>“引进来” (ZN_TYPE_BRING_IN).</summary>
        BringIn = 1,
        /// <summary>“走出去” (ZN_TYPE_GO_GLOBAL).</summary>
        GoGlobal = 2,
        /// <summary>依托国际创新合作平台 (ZN_TYPE_PLATFORM).</summary>
        Platform = 4,
        /// <summary>重大活动签约 (ZN_TYPE_MAJOR_EVENT).</summary>
        MajorEvent = 8
    }

    /// <summary>A guideline suggestion. new Suggestion() is an empty one (under the built-in
    /// profile); FromJson/FromFile read zhinan.suggestion/1, FromDocx/FromDocxFile a unit's
    /// Word form. ParseDiagnostics holds what reading found (wrong types, unknown fields,
    /// import.* findings); Validator.Validate checks the call's rules.
    /// Dispose it to free it at once; otherwise the finalizer does.</summary>
    public sealed class Suggestion : IDisposable
    {
        // zn_field
        private const int TitleField = 0, IndustryOtherField = 1, OverviewField = 2, FundingTotalField = 3,
                          FundingProvincialField = 4, UnitField = 5, ProposerField = 6, PositionField = 7, PhoneField = 8,
                          DepartmentField = 9, ReportDocumentField = 10, DocumentField = 11;
        private static readonly IReadOnlyList<Diagnostic> NoDiagnostics = new ReadOnlyCollection<Diagnostic>(new Diagnostic[0]);

        internal readonly SuggestionHandle Handle;

        /// <summary>An empty suggestion (zn_suggestion_new) under the built-in profile.</summary>
        public Suggestion()
        {
            Handle = LibraryLoader.Run(() =>
            {
                SuggestionHandle h;
                int status = NativeMethods.zn_suggestion_new(out h);
                if (status != NativeMethods.ZN_OK)
                {
                    ZhinanException failure = Errors.Last(status);
                    h.Dispose();
                    throw failure;
                }
                return h;
            });
            ParseDiagnostics = NoDiagnostics;
        }

        private Suggestion(SuggestionHandle handle, IReadOnlyList<Diagnostic> parseDiagnostics, string sourcePath)
        {
            Handle = handle;
            ParseDiagnostics = parseDiagnostics;
            SourcePath = sourcePath;
        }

        /// <summary>Reads zhinan.suggestion/1 under profile (null: the built-in one). Throws
        /// ZhinanException (Status Parse, with Diagnostics and the first error's line and
        /// column) when the text is not a suggestion at all.</summary>
        public static Suggestion FromJson(string json, Profile profile = null)
        {
            return FromJson(Utf8.Bytes(json, "json"), profile);
        }

        /// <summary>The same from the bytes of a file (UTF-8; a BOM is fine).</summary>
        public static Suggestion FromJson(byte[] utf8, Profile profile = null)
        {
            if (utf8 == null) throw new ArgumentNullException("utf8");
            SuggestionHandle h = null;
            DiagnosticsHandle d = null;
            int status = LibraryLoader.Run(() => Profile.Use(profile, p => NativeMethods.zn_suggestion_from_json(out h, out d, p, utf8, Sizes.Length(utf8))));
            return Adopt(status, h, d, null);
        }

        /// <summary>Reads a file; ZhinanException with Status IO when it cannot be read.</summary>
        public static Suggestion FromFile(string path, Profile profile = null)
        {
            if (path == null) throw new ArgumentNullException("path");
            byte[] name = Utf8.Z(path, "path");
            SuggestionHandle h = null;
            DiagnosticsHandle d = null;
            int status = LibraryLoader.Run(() => Profile.Use(profile, p => NativeMethods.zn_suggestion_from_file(out h, out d, p, name)));
            return Adopt(status, h, d, path);
        }

        /// <summary>Reads a unit's own Word form (附件1, a .docx as Word, WPS or LibreOffice
        /// saves it) from its bytes, under profile (null: the built-in one). ParseDiagnostics
        /// holds the import.* findings (fields that could not be read are left empty). Throws
        /// ZhinanException (Status Parse, with Diagnostics: import.not_docx,
        /// import.form_not_found, …) when the bytes are no such form.</summary>
        public static Suggestion FromDocx(byte[] data, Profile profile = null)
        {
            if (data == null) throw new ArgumentNullException("data");
            // An empty array may cross as NULL, which the library refuses as an argument; one
            // byte more, not counted, keeps "nothing" a file that is no form.
            byte[] bytes = data.Length > 0 ? data : new byte[1];
            SuggestionHandle h = null;
            DiagnosticsHandle d = null;
            int status = LibraryLoader.Run(() => Profile.Use(profile, p => NativeMethods.zn_suggestion_from_docx(out h, out d, p, bytes, Sizes.Length(data))));
            return Adopt(status, h, d, null);
        }

        /// <summary>Reads a Word form from a file; ZhinanException with Status IO when it cannot
        /// be read, Parse when it is no form (a .doc or .wps gives import.format_unsupported,
        /// saying how to re-save it as .docx).</summary>
        public static Suggestion FromDocxFile(string path, Profile profile = null)
        {
            if (path == null) throw new ArgumentNullException("path");
            byte[] name = Utf8.Z(path, "path");
            SuggestionHandle h = null;
            DiagnosticsHandle d = null;
            int status = LibraryLoader.Run(() => Profile.Use(profile, p => NativeMethods.zn_suggestion_from_docx_file(out h, out d, p, name)));
            return Adopt(status, h, d, path);
        }

        private static Suggestion Adopt(int status, SuggestionHandle h, DiagnosticsHandle d, string sourcePath)
        {
            try
            {
                return new Suggestion(h, Errors.Finish(status, d), sourcePath);
            }
            catch
            {
                h.Dispose();
                throw;
            }
        }

        /// <summary>What reading found: wrong types (the field is left empty), unknown fields.</summary>
        public IReadOnlyList<Diagnostic> ParseDiagnostics { get; private set; }

        /// <summary>The file it was read from; null when it was not.</summary>
        public string SourcePath { get; private set; }

        /// <summary>The canonical JSON: the same suggestion always gives the same text.</summary>
        public string ToJson()
        {
            IntPtr json = IntPtr.Zero;
            UIntPtr length = UIntPtr.Zero;
            int status = Handle.Use(p => NativeMethods.zn_suggestion_to_json(out json, out length, p));
            return Utf8.Owned(status, json, length);
        }

        /// <summary>An independent copy with its own handle.</summary>
        public Suggestion Clone()
        {
            SuggestionHandle copy = null;
            int status = Handle.Use(p => NativeMethods.zn_suggestion_clone(out copy, p));
            if (status != NativeMethods.ZN_OK)
            {
                ZhinanException failure = Errors.Last(status);
                copy.Dispose();
                throw failure;
            }
            return new Suggestion(copy, ParseDiagnostics, SourcePath);
        }

        /// <summary>Validator.Validate(this, profile, mode): the call's rules, under profile (null: the
        /// one this suggestion was read under).</summary>
        public IReadOnlyList<Diagnostic> Validate(Profile profile = null, ValidationMode mode = ValidationMode.Submit)
        {
            return Validator.Validate(this, profile, mode);
        }

        /// <summary>Frees the suggestion now (zn_suggestion_free); later calls throw
        /// ObjectDisposedException.</summary>
        public void Dispose() { Handle.Dispose(); }

        /// <summary>"Suggestion TITLE", or "Suggestion (disposed)".</summary>
        public override string ToString()
        {
            return Handle.IsClosed ? "Suggestion (disposed)" : "Suggestion " + Title;
        }

        // --- 信息表 text fields: "" when empty; null or "" clears.
        private string Get(int field)
        {
            return Handle.Use(p => Errors.Borrowed(NativeMethods.zn_suggestion_get(p, field)));
        }

        private void Set(int field, string value, string name)
        {
            byte[] text = Utf8.Z(value, name);
            Handle.Call(p => NativeMethods.zn_suggestion_set(p, field, text));
        }

        /// <summary>项目名称</summary>
        public string Title { get { return Get(TitleField); } set { Set(TitleField, value, "Title"); } }
        /// <summary>其他：____ (with the industry code "other")</summary>
        public string IndustryOther { get { return Get(IndustryOtherField); } set { Set(IndustryOtherField, value, "IndustryOther"); } }
        /// <summary>项目概述</summary>
        public string Overview { get { return Get(OverviewField); } set { Set(OverviewField, value, "Overview"); } }
        /// <summary>项目计划总投入（万元）: decimal text, kept exactly as given ("1200").</summary>
        public string FundingTotal { get { return Get(FundingTotalField); } set { Set(FundingTotalField, value, "FundingTotal"); } }
        /// <summary>省财政资金支持强度建议（万元）: decimal text ("300.5").</summary>
        public string FundingProvincial
        {
            get { return Get(FundingProvincialField); }
            set { Set(FundingProvincialField, value, "FundingProvincial"); }
        }
        /// <summary>建议单位</summary>
        public string Unit { get { return Get(UnitField); } set { Set(UnitField, value, "Unit"); } }
        /// <summary>建议人</summary>
        public string Proposer { get { return Get(ProposerField); } set { Set(ProposerField, value, "Proposer"); } }
        /// <summary>职称/职务</summary>
        public string Position { get { return Get(PositionField); } set { Set(PositionField, value, "Position"); } }
        /// <summary>联系电话</summary>
        public string Phone { get { return Get(PhoneField); } set { Set(PhoneField, value, "Phone"); } }
        /// <summary>主管部门</summary>
        public string Department { get { return Get(DepartmentField); } set { Set(DepartmentField, value, "Department"); } }
        /// <summary>The unit's own 说明报告 file.</summary>
        public string ReportDocument
        {
            get { return Get(ReportDocumentField); }
            set { Set(ReportDocumentField, value, "ReportDocument"); }
        }
        /// <summary>A ready 电子版 file to package.</summary>
        public string Document { get { return Get(DocumentField); } set { Set(DocumentField, value, "Document"); } }

        // --- 产业领域 and 合作国别、地区: codes; set with a code, a label or an alias.
        private IReadOnlyList<string> Codes(Func<IntPtr, UIntPtr> count, Func<IntPtr, UIntPtr, IntPtr> item)
        {
            return Handle.Use(p =>
            {
                int n = Sizes.Count(count(p));
                var codes = new List<string>(n);
                for (int i = 0; i < n; ++i) codes.Add(Errors.Borrowed(item(p, Sizes.Index(i))));
                return (IReadOnlyList<string>)codes.AsReadOnly();
            });
        }

        private static List<byte[]> Entries(IEnumerable<string> values, string name)
        {
            var entries = new List<byte[]>();
            if (values == null) return entries;
            foreach (string value in values)
            {
                if (string.IsNullOrEmpty(value)) throw new ArgumentException(name + " may not hold a null or empty entry", name);
                entries.Add(Utf8.Z(value, name));
            }
            return entries;
        }

        private void Replace(Func<IntPtr, byte[], int> setOne, Func<IntPtr, byte[], int> add, IEnumerable<string> values,
                             string name)
        {
            List<byte[]> entries = Entries(values, name); // all checked before anything changes
            Handle.Call(p => setOne(p, entries.Count > 0 ? entries[0] : null));
            for (int i = 1; i < entries.Count; ++i)
            {
                byte[] entry = entries[i];
                Handle.Call(p => add(p, entry));
            }
        }

        /// <summary>The 产业领域 codes ticked (one expected; several is what validation reports).
        /// Set replaces them, with codes or labels; null or empty clears.</summary>
        public IReadOnlyList<string> Industries
        {
            get { return Codes(NativeMethods.zn_suggestion_industry_count, NativeMethods.zn_suggestion_industry); }
            set { Replace(NativeMethods.zn_suggestion_set_industry, NativeMethods.zn_suggestion_add_industry, value, "Industries"); }
        }

        /// <summary>The (first) 产业领域 code, null when none; set with a code or label.</summary>
        public string Industry
        {
            get { IReadOnlyList<string> codes = Industries; return codes.Count > 0 ? codes[0] : null; }
            set { Industries = string.IsNullOrEmpty(value) ? null : new[] { value }; }
        }

        /// <summary>Adds a 产业领域 by code or label (zn_suggestion_add_industry); unknown text is kept for
        /// validation to report; null or "" is refused.</summary>
        public void AddIndustry(string codeOrLabel)
        {
            byte[] entry = Entries(new[] { codeOrLabel }, "codeOrLabel")[0];
            Handle.Call(p => NativeMethods.zn_suggestion_add_industry(p, entry));
        }

        /// <summary>The 合作国别、地区 codes ticked (one expected).</summary>
        public IReadOnlyList<string> Regions
        {
            get { return Codes(NativeMethods.zn_suggestion_region_count, NativeMethods.zn_suggestion_region); }
            set { Replace(NativeMethods.zn_suggestion_set_region, NativeMethods.zn_suggestion_add_region, value, "Regions"); }
        }

        /// <summary>The (first) 合作国别、地区 code, null when none; set with a code or label.</summary>
        public string Region
        {
            get { IReadOnlyList<string> codes = Regions; return codes.Count > 0 ? codes[0] : null; }
            set { Regions = string.IsNullOrEmpty(value) ? null : new[] { value }; }
        }

        /// <summary>Adds a 合作国别、地区 by code or label (zn_suggestion_add_region); unknown text is kept
        /// for validation to report; null or "" is refused.</summary>
        public void AddRegion(string codeOrLabel)
        {
            byte[] entry = Entries(new[] { codeOrLabel }, "codeOrLabel")[0];
            Handle.Call(p => NativeMethods.zn_suggestion_add_region(p, entry));
        }

        // --- 项目类型
        /// <summary>项目类型 as flags; setting an undefined flag throws ZhinanException (InvalidArgument).
        /// Clearing BringIn keeps the sub-types.</summary>
        public ProjectTypes ProjectTypes
        {
            get { return (ProjectTypes)Handle.Use(p => NativeMethods.zn_suggestion_type_flags(p)); }
            set { Handle.Call(p => NativeMethods.zn_suggestion_set_type_flags(p, (int)value)); }
        }

        private void SetType(ProjectTypes flag, bool on)
        {
            ProjectTypes = on ? (ProjectTypes | flag) : (ProjectTypes & ~flag);
        }

        /// <summary>“引进来”</summary>
        public bool BringIn { get { return (ProjectTypes & ProjectTypes.BringIn) != 0; } set { SetType(ProjectTypes.BringIn, value); } }
        /// <summary>“走出去”</summary>
        public bool GoGlobal { get { return (ProjectTypes & ProjectTypes.GoGlobal) != 0; } set { SetType(ProjectTypes.GoGlobal, value); } }
        /// <summary>依托国际创新合作平台</summary>
        public bool Platform { get { return (ProjectTypes & ProjectTypes.Platform) != 0; } set { SetType(ProjectTypes.Platform, value); } }
        /// <summary>重大活动签约</summary>
        public bool MajorEvent
        {
            get { return (ProjectTypes & ProjectTypes.MajorEvent) != 0; }
            set { SetType(ProjectTypes.MajorEvent, value); }
        }

        /// <summary>The sub-types of “引进来” ticked, as codes (one expected). Set replaces them
        /// with codes or labels; null or empty clears.</summary>
        public IReadOnlyList<string> Subtypes
        {
            get { return Codes(NativeMethods.zn_suggestion_subtype_count, NativeMethods.zn_suggestion_subtype); }
            set
            {
                List<byte[]> entries = Entries(value, "Subtypes");
                var codes = new IntPtr[entries.Count];
                try
                {
                    for (int i = 0; i < codes.Length; ++i)
                    {
                        codes[i] = Marshal.AllocHGlobal(entries[i].Length);
                        Marshal.Copy(entries[i], 0, codes[i], entries[i].Length);
                    }
                    Handle.Call(p => NativeMethods.zn_suggestion_set_subtypes(p, codes, Sizes.Index(codes.Length)));
                }
                finally
                {
                    foreach (IntPtr code in codes)
                        if (code != IntPtr.Zero) Marshal.FreeHGlobal(code);
                }
            }
        }

        /// <summary>关键科学问题及技术清单, as a live list.</summary>
        public KeyTechnologyList KeyTechnologies { get { return new KeyTechnologyList(this); } }
    }
}
