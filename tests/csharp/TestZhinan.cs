// The C# wrapper (bindings/csharp) as an office system in C# uses it. A console program:
// each check prints a line when it fails; the exit status is the number of failures
// (capped), so CTest sees them. Usage: mono TestZhinan.exe SAMPLES_DIR (or ZHINAN_SAMPLES).
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using Zhinan;

internal static class TestZhinan
{
    private const string TitleZh = "氢能“一带一路”示范";
    private static int checks, failures;
    private static string current = "";
    private static string samples;

    private static void Check(bool condition, string what)
    {
        ++checks;
        if (condition) return;
        ++failures;
        Console.WriteLine("FAIL [" + current + "] " + what);
    }

    private static void Equal<T>(T expected, T actual, string what)
    {
        Check(EqualityComparer<T>.Default.Equals(expected, actual),
              what + ": expected «" + expected + "», got «" + actual + "»");
    }

    private static TException Throws<TException>(Action action, string what) where TException : Exception
    {
        try
        {
            action();
        }
        catch (TException e)
        {
            ++checks;
            return e;
        }
        catch (Exception e)
        {
            Check(false, what + ": threw " + e.GetType().Name + " instead of " + typeof(TException).Name + ": " + e.Message);
            return null;
        }
        Check(false, what + ": did not throw " + typeof(TException).Name);
        return null;
    }

    private static void Test(string name, Action body)
    {
        current = name;
        try
        {
            body();
        }
        catch (Exception e)
        {
            ++failures;
            Console.WriteLine("FAIL [" + name + "] unexpected " + e);
        }
    }

    private static string Sample(string name) { return Path.Combine(samples, name + ".json"); }

    private static int Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(false); // whatever the locale says
        samples = args.Length > 0 ? args[0] : Environment.GetEnvironmentVariable("ZHINAN_SAMPLES");
        if (string.IsNullOrEmpty(samples) || !Directory.Exists(samples))
        {
            Console.WriteLine("usage: mono TestZhinan.exe SAMPLES_DIR (examples/data)");
            return 2;
        }

        Test("library", LibraryVersion);
        Test("samples", EverySample);
        Test("chinese text", ChineseText);
        Test("labels to codes", LabelsToCodes);
        Test("project types", ProjectTypesAsBooleans);
        Test("key technologies", KeyTechnologies);
        Test("faulty sample", FaultySample);
        Test("draft mode", DraftMode);
        Test("parse error", ParseError);
        Test("io errors", IoErrors);
        Test("word forms", WordForms);
        Test("no word form", NoWordForm);
        Test("disposed and null", DisposedAndNull);
        Test("finalizers", FinalizersFreeOnce);
        Test("profile", BuiltinProfile);
        Test("text", TextFunctions);
        Test("batch", BatchRules);
        Test("registry", FundedProjects);
        Test("package", Package);
        Test("document roots", DocumentRoots);
        Test("audit", AuditPackages);
        Test("findings to json", FindingsToJson);
        Test("the profile read under", ValidateUnderItsProfile);

        Console.WriteLine("csharp.wrapper: " + checks + " checks, " + failures + " failures");
        return Math.Min(failures, 100);
    }

    private static void LibraryVersion()
    {
        Library.CheckVersion();
        string named = Environment.GetEnvironmentVariable("ZHINAN_LIBRARY");
        if (!string.IsNullOrEmpty(named)) Equal(named, Library.LoadedFrom, "the library ZHINAN_LIBRARY names");
        Equal(1, Library.Version.Major, "major version");
        Equal(Library.Version.ToString(), Library.VersionString, "version string");
        Rule rule = Library.Rules.First(r => r.Id == "overview.too_long");
        Equal(Severity.Error, rule.Severity, "overview.too_long severity");
        Equal("项目概述", rule.Field, "overview.too_long field");
        Check(rule.MessageZh.Contains("{limit}") && rule.MessageEn.Contains("{limit}"), "the message templates: " +
                                                                                         rule.MessageZh + " / " + rule.MessageEn);
        Check(Library.Rules.All(r => r.MessageZh.Length > 0 && r.MessageEn.Length > 0), "every rule has both templates");
    }

    private static void EverySample()
    {
        string[] files = Directory.GetFiles(samples, "*.json").OrderBy(f => f, StringComparer.Ordinal).ToArray();
        Check(files.Length >= 7, "samples found in " + samples);
        foreach (string file in files)
        {
            string name = Path.GetFileName(file);
            using (Suggestion s = Suggestion.FromFile(file))
            {
                Check(s.Title.Length > 0, name + " has a title");
                Equal(0, s.ParseDiagnostics.Count, name + " reads without findings");
                string first = s.ToJson();
                using (Suggestion again = Suggestion.FromJson(first))
                    Equal(first, again.ToJson(), name + " to_json → from_json → to_json");
                using (Suggestion fromBytes = Suggestion.FromJson(File.ReadAllBytes(file)))
                    Equal(first, fromBytes.ToJson(), name + " read from its bytes");
                if (name.StartsWith("valid-", StringComparison.Ordinal))
                    Equal(0, s.Validate().Count(d => d.Severity == Severity.Error), name + " has no errors");
            }
        }
        // A file name in Chinese crosses as UTF-8 too.
        string folder = Path.Combine(Path.GetTempPath(), "zhinan-cs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            string copy = Path.Combine(folder, "1.盐碱地项目-东营研究院.json");
            File.Copy(Sample("valid-sco"), copy);
            using (Suggestion s = Suggestion.FromFile(copy)) Equal("sco", s.Region, "read through a Chinese file name");
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    private static void ChineseText()
    {
        using (var s = new Suggestion())
        {
            s.Title = TitleZh;
            Equal(TitleZh, s.Title, "title");
            s.Overview = "引进耐盐种质300份，出苗率≥80%。\n第二段（𠀀𪚥）。";
            s.FundingTotal = "1200";
            s.FundingProvincial = "300.5";
            s.Unit = "东营黄河三角洲盐碱地农业研究院";
            s.Proposer = "孙立新";
            s.Position = "研究员/副院长";
            s.Phone = "0546-8316725";
            s.Department = "东营市科学技术局";
            s.IndustryOther = "氢能装备";
            s.ReportDocument = "说明报告.docx";
            s.Document = "电子版.pdf";
            string json = s.ToJson();
            Check(json.Contains(TitleZh), "canonical JSON holds the title as written");
            using (Suggestion again = Suggestion.FromJson(json))
            {
                Equal(TitleZh, again.Title, "title after the round trip");
                Equal(s.Overview, again.Overview, "overview (astral characters, newline)");
                Equal("300.5", again.FundingProvincial, "amounts stay decimal text");
                Equal("东营市科学技术局", again.Department, "department");
                Equal("电子版.pdf", again.Document, "document");
                Equal(json, again.ToJson(), "the same JSON again");
            }
            s.Title = null;
            Equal("", s.Title, "null clears");
            Throws<ArgumentException>(() => s.Title = "氢能\0示范", "a NUL inside text");
            Throws<ArgumentException>(() => s.Title = "\ud800", "a lone surrogate");
            Equal("", s.Title, "nothing changed by refused text");
        }
    }

    private static void LabelsToCodes()
    {
        using (var s = new Suggestion())
        {
            s.Region = "上合组织成员国";
            Equal("sco", s.Region, "region label → code");
            s.Industry = "新能源";
            s.AddIndustry("高端装备");
            Check(s.Industries.SequenceEqual(new[] { "new_energy", "high_end_equipment" }), "industries in order");
            s.Regions = new[] { "“一带一路”共建国家", "hk_macao_taiwan" };
            Check(s.Regions.SequenceEqual(new[] { "belt_and_road", "hk_macao_taiwan" }), "regions replaced");
            s.AddRegion("火星");
            Equal("火星", s.Regions[2], "unknown text kept for validation");
            s.Industry = null;
            Equal(null, s.Industry, "industry cleared");
            Throws<ArgumentException>(() => s.AddRegion(""), "an empty region");
        }
    }

    private static void ProjectTypesAsBooleans()
    {
        using (var s = new Suggestion())
        {
            Check(!s.BringIn && !s.GoGlobal && !s.Platform && !s.MajorEvent, "no type ticked");
            s.BringIn = true;
            s.MajorEvent = true;
            Equal(ProjectTypes.BringIn | ProjectTypes.MajorEvent, s.ProjectTypes, "flags");
            s.Subtypes = new[] { "“卡脖子”技术" };
            Check(s.Subtypes.SequenceEqual(new[] { "chokepoint" }), "subtype label → code");
            s.BringIn = false;
            Equal(ProjectTypes.MajorEvent, s.ProjectTypes, "bring_in cleared");
            Equal(1, s.Subtypes.Count, "sub-types kept without bring_in");
            ZhinanException e = Throws<ZhinanException>(() => s.ProjectTypes = (ProjectTypes)16, "an undefined flag");
            if (e != null) Equal(ZhinanStatus.InvalidArgument, e.Status, "undefined flag status");
            s.Subtypes = null;
            Equal(0, s.Subtypes.Count, "sub-types cleared");
        }
    }

    private static void KeyTechnologies()
    {
        using (var s = new Suggestion())
        {
            KeyTechnologyList techs = s.KeyTechnologies;
            Equal(0, techs.Add("耐盐种质鉴定", "高通量表型", 4, 7), "first index");
            techs.Add(new KeyTechnology("水肥盐调控", "", 5, 8));
            Equal(2, techs.Count, "count");
            Equal(new KeyTechnology("水肥盐调控", "", 5, 8), techs[1], "item 1");
            techs.Set(1, "水肥盐一体化调控", "", 5, 9);
            int current, expected;
            techs.GetLevels(1, out current, out expected);
            Equal(9, expected, "expected level after Set");
            techs[0] = new KeyTechnology("耐盐种质精准鉴定", "KASP", 0, 0);
            Equal(0, techs[0].Current, "0 is not given");
            techs.RemoveAt(0);
            Equal("水肥盐一体化调控", techs.Single().Name, "after RemoveAt");
            Throws<ArgumentOutOfRangeException>(() => techs.RemoveAt(3), "an index out of range");
        }
        using (Suggestion s = Suggestion.FromFile(Sample("valid-sco")))
        {
            s.KeyTechnologies.Set(0, "改名后的关键技术", "", 6, 8);
            Check(s.ToJson().Contains("86份乌兹别克斯坦棉花种质"), "Set keeps the item's evidence");
        }
    }

    private static void FaultySample()
    {
        string[] expected = File.ReadAllLines(Path.Combine(samples, "faulty-many-mistakes.expected.txt"), Encoding.UTF8)
                                .Where(l => l.Trim().Length > 0).Select(l => l.Split(' ')[0]).ToArray();
        using (Suggestion s = Suggestion.FromFile(Sample("faulty-many-mistakes")))
        {
            IReadOnlyList<Diagnostic> found = Validator.Validate(s);
            Check(found.Select(d => d.Id).SequenceEqual(expected), "the ids of the .expected.txt, in order: " +
                                                                   string.Join(" ", found.Select(d => d.Id)));
            Equal(12, found.Count(d => d.Severity == Severity.Error), "errors");
            Equal(1, found.Count(d => d.Severity == Severity.Warning), "warnings");
            Diagnostic tooLong = found.First(d => d.Id == "overview.too_long");
            Equal("1000", tooLong.Params["limit"], "overview.too_long limit");
            Equal("/overview", tooLong.Path, "overview.too_long path");
            Check(tooLong.MessageZh.Contains("1000字") && tooLong.MessageEn.Contains("limit of 1000"), "messages");
        }
    }

    private static void DraftMode()
    {
        using (var s = new Suggestion())
        {
            Equal(Severity.Error, s.Validate().First(d => d.Id == "title.missing").Severity, "submit");
            Equal(Severity.Warning, s.Validate(null, ValidationMode.Draft).First(d => d.Id == "title.missing").Severity,
                  "draft");
        }
        using (Profile p = Profile.Builtin())
        using (Suggestion s = Suggestion.FromFile(Sample("valid-sco"), p))
            Equal(0, Validator.Validate(s, p).Count(d => d.Severity == Severity.Error), "under an explicit profile");
    }

    private static void ParseError()
    {
        const string truncated = "{\n  \"format\": \"zhinan.suggestion/1\",\n  \"title\": \"盐碱地";
        ZhinanException e = Throws<ZhinanException>(() => Suggestion.FromJson(truncated), "truncated JSON");
        if (e == null) return;
        Equal(ZhinanStatus.Parse, e.Status, "status");
        Equal("format.json_invalid", e.RuleId, "rule id");
        Check(e.MessageZh.Contains("第3行"), "Chinese message names the line: " + e.MessageZh);
        Check(e.MessageEn.Contains("line 3"), "English message names the line: " + e.MessageEn);
        Equal(e.MessageZh + "\n" + e.MessageEn, e.Message, "Message is both");
        Equal(3, e.Diagnostics.Single().Line, "the finding's line");

        // {"title": "盐碱地"} saved as GBK (Mono has no GBK encoder without I18N.CJK).
        byte[] gbk = { 0x7B, 0x22, 0x74, 0x69, 0x74, 0x6C, 0x65, 0x22, 0x3A, 0x20, 0x22, 0xD1, 0xCE, 0xBC, 0xEE, 0xB5, 0xD8, 0x22, 0x7D };
        e = Throws<ZhinanException>(() => Suggestion.FromJson(gbk), "a GBK file");
        if (e != null) Equal("format.utf8_invalid", e.RuleId, "GBK is named");

        using (Suggestion s = Suggestion.FromJson("{\"format\": \"zhinan.suggestion/1\", \"title\": 5}"))
        {
            Equal("", s.Title, "a wrong type is left empty");
            Diagnostic wrong = s.ParseDiagnostics.First(d => d.Id == "format.wrong_type");
            Equal("/title", wrong.Path, "and reported");
        }
    }

    private static void IoErrors()
    {
        ZhinanException e = Throws<ZhinanException>(() => Suggestion.FromFile("/nonexistent/建议.json"), "a missing file");
        if (e != null)
        {
            Equal(ZhinanStatus.IO, e.Status, "status");
            Check(e.Diagnostics.Any(d => d.Id == "io.read_failed"), "io.read_failed");
            Check(e.MessageZh.Contains("建议.json"), "the name in the message");
        }
        e = Throws<ZhinanException>(() => Profile.FromJson("{\"format\": \"zhinan.profile/1\", \"id\": \"x\"}"), "a broken profile");
        if (e != null) Check(e.Diagnostics.Any(d => d.Id == "profile.invalid"), "profile.invalid");
    }

    // The Word forms units fill in (examples/data/forms/*.docx): each reads the same from its
    // file and from its bytes; the form of a sample gives back what the unit typed.
    private static void WordForms()
    {
        string folder = Path.Combine(samples, "forms");
        string[] forms = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.docx").OrderBy(f => f, StringComparer.Ordinal).ToArray()
            : new string[0];
        Check(forms.Length > 0, "Word forms found in " + folder);
        var typed = new Dictionary<string, Suggestion>();
        foreach (string file in Directory.GetFiles(samples, "*.json"))
        {
            Suggestion sample = Suggestion.FromFile(file);
            typed[sample.Title] = sample;
        }
        int twins = 0;
        foreach (string form in forms)
        {
            string name = Path.GetFileName(form);
            using (Suggestion s = Suggestion.FromDocxFile(form))
            {
                Check(s.Title.Length > 0, name + " has a title");
                Equal(form, s.SourcePath, name + " source path");
                Check(s.ParseDiagnostics.All(d => d.Id.StartsWith("import.", StringComparison.Ordinal) && d.Severity != Severity.Error),
                      name + " has only import.* warnings: " + string.Join(", ", s.ParseDiagnostics.Select(d => d.Id)));
                using (Suggestion fromBytes = Suggestion.FromDocx(File.ReadAllBytes(form)))
                {
                    Equal(s.ToJson(), fromBytes.ToJson(), name + " read from its bytes");
                    Equal(s.ParseDiagnostics.Count, fromBytes.ParseDiagnostics.Count, name + " the same findings");
                }
                Suggestion expected;
                if (typed.TryGetValue(s.Title, out expected))
                {
                    ++twins;
                    Equal(expected.Unit, s.Unit, name + " unit as typed");
                    Equal(expected.Proposer, s.Proposer, name + " proposer as typed");
                    Equal(expected.FundingProvincial, s.FundingProvincial, name + " provincial funding as typed");
                    Check(expected.Regions.SequenceEqual(s.Regions), name + " regions as typed");
                    Equal(expected.KeyTechnologies.Count, s.KeyTechnologies.Count, name + " key technologies as typed");
                }
            }
        }
        foreach (Suggestion sample in typed.Values) sample.Dispose();
        Check(twins > 0, "some form is the Word form of a sample");
        if (forms.Length > 0)
            using (Profile p = Profile.Builtin())
            using (Suggestion s = Suggestion.FromDocx(File.ReadAllBytes(forms[0]), p))
                Check(s.Title.Length > 0, "read under a profile");
    }

    private static void NoWordForm()
    {
        byte[] pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n");
        ZhinanException e = Throws<ZhinanException>(() => Suggestion.FromDocx(pdf), "a PDF");
        if (e != null)
        {
            Equal(ZhinanStatus.Parse, e.Status, "status");
            Equal("import.not_docx", e.RuleId, "rule id");
            Check(e.Diagnostics.Any(d => d.Id == "import.not_docx"), "import.not_docx in the diagnostics");
        }
        e = Throws<ZhinanException>(() => Suggestion.FromDocx(new byte[0]), "no bytes at all");
        if (e != null) Equal(ZhinanStatus.Parse, e.Status, "nothing is no form");
        e = Throws<ZhinanException>(() => Suggestion.FromDocxFile("/nonexistent/建议.docx"), "a missing form");
        if (e != null)
        {
            Equal(ZhinanStatus.IO, e.Status, "status");
            Check(e.Diagnostics.Any(d => d.Id == "io.read_failed"), "io.read_failed");
        }
        Throws<ArgumentNullException>(() => Suggestion.FromDocx(null), "null bytes");
        Throws<ArgumentNullException>(() => Suggestion.FromDocxFile(null), "a null path");
    }

    private static void DisposedAndNull()
    {
        var s = new Suggestion();
        s.Dispose();
        s.Dispose(); // twice is fine
        Throws<ObjectDisposedException>(() => { string t = s.Title; }, "a disposed suggestion's title");
        Throws<ObjectDisposedException>(() => s.Title = TitleZh, "setting it");
        Throws<ObjectDisposedException>(() => s.ToJson(), "its JSON");
        Throws<ObjectDisposedException>(() => s.Clone(), "a clone of it");
        Throws<ObjectDisposedException>(() => Validator.Validate(s), "validating it");
        Throws<ObjectDisposedException>(() => { int n = s.KeyTechnologies.Count; }, "its key technologies");
        Profile p = Profile.Builtin();
        p.Dispose();
        Throws<ObjectDisposedException>(() => { var r = p.Regions; }, "a disposed profile");
        using (var live = new Suggestion())
            Throws<ObjectDisposedException>(() => Validator.Validate(live, p), "validating under it");
        Throws<ArgumentNullException>(() => Validator.Validate(null), "validating null");
        Throws<ArgumentNullException>(() => Suggestion.FromJson((string)null), "reading null");
        Throws<ArgumentNullException>(() => Suggestion.FromFile(null), "reading a null path");
        using (var live = new Suggestion())
            Throws<ArgumentException>(() => live.Subtypes = new string[] { null }, "a null sub-type");
    }

    private static void MakeGarbage()
    {
        for (int i = 0; i < 50; ++i)
        {
            Suggestion s = Suggestion.FromFile(Sample("valid-sco"));
            Suggestion twin = s.Clone();
            twin.Title = TitleZh;
            if (i % 2 == 0) s.Dispose(); // some disposed, then finalized: freed once
            Profile.Builtin().ToString();
            new Suggestion().KeyTechnologies.Add("x");
        }
    }

    private static void FinalizersFreeOnce()
    {
        MakeGarbage();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        // A suggestion keeps what it needs of its profile after the profile is gone.
        Suggestion s;
        using (Profile p = Profile.Builtin()) s = Suggestion.FromFile(Sample("valid-sco"), p);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        s.Industry = "新能源";
        Equal("new_energy", s.Industry, "labels read through the kept profile");
        s.Dispose();
    }

    private static void BuiltinProfile()
    {
        using (Profile p = Profile.Builtin())
        {
            Equal("shandong-2025", p.Id, "id");
            Check(p.Name.Contains("2025"), "name");
            Check(p.Regions.Select(r => r.Code).SequenceEqual(
                      new[] { "multilateral", "innovation_leaders", "sco", "belt_and_road", "hk_macao_taiwan" }), "regions");
            Equal("上合组织成员国", p.Regions.First(r => r.Code == "sco").Label, "sco label");
            Equal("\u201c一带一路\u201d共建国家", p.RegionFolders["belt_and_road"], "folder with curly quotes");
            Equal(11, p.Industries.Count, "industries");
            Equal(4, p.ProjectTypes.Count, "project types");
            Equal(5, p.BringInSubtypes.Count, "bring-in sub-types");
            Equal(1, p.TrlLowest, "lowest level");
            Equal(13, p.TrlHighest, "highest level");
            Equal("报告级", p.TrlName(1), "level 1");
            Equal("回报级", p.TrlName(13), "level 13");
            Equal(null, p.TrlName(14), "no level 14");
            Check(!string.IsNullOrEmpty(p.TrlCriterion(1)), "criterion of level 1");
            Equal(5, p.KeyTechnologiesMax, "key technologies max");
            Equal(1000, p.OverviewMax, "overview max");
        }
    }

    private static string TempFolder()
    {
        string folder = Path.Combine(Path.GetTempPath(), "zhinan-cs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static void BatchRules()
    {
        using (var batch = new Batch())
        using (Suggestion s = Suggestion.FromFile(Sample("valid-sco")))
        {
            batch.Add(s, "a.json");
            batch.Add(s, "b.json");
            Equal(2, batch.Count, "count");
            IReadOnlyList<Diagnostic> found = batch.Check();
            Diagnostic duplicate = found.FirstOrDefault(d => d.Id == "batch.duplicate");
            Check(duplicate != null && duplicate.File == "b.json", "batch.duplicate names the later one");
            Check(found.Any(d => d.Id == "batch.proposer_multiple"), "batch.proposer_multiple");
            using (var unnamed = new Suggestion())
                Throws<ArgumentException>(() => batch.Add(unnamed), "a suggestion without a name");
        }
    }

    private static string JsonString(string text)
    {
        var json = new StringBuilder("\"");
        foreach (char c in text)
        {
            if (c == '"' || c == '\\') json.Append('\\').Append(c);
            else if (c < ' ') json.Append("\\u").Append(((int)c).ToString("x4"));
            else json.Append(c);
        }
        return json.Append('"').ToString();
    }

    private static void FundedProjects()
    {
        string folder = TempFolder();
        try
        {
            string jsonl = Path.Combine(folder, "已立项.jsonl"), index = Path.Combine(folder, "已立项.idx");
            using (Suggestion s = Suggestion.FromFile(Sample("valid-hk-macao-taiwan")))
            {
                // A funded project with this suggestion's title and overview, and a broken line.
                File.WriteAllText(jsonl, "{\"id\": \"2023-001\", \"year\": 2023, \"title\": " + JsonString(s.Title) +
                                         ", \"abstract\": " + JsonString(s.Overview) + ", \"unit\": \"X\"}\nnot json\n",
                                  new UTF8Encoding(false));
                using (Registry registry = Registry.FromJsonLinesFile(jsonl))
                {
                    Equal(1, registry.Count, "one project read");
                    Check(registry.ParseDiagnostics.Any(d => d.Id == "registry.line_invalid"), "the bad line reported");
                    registry.Save(index);
                }
                ZhinanException e = Throws<ZhinanException>(() => Registry.Load(jsonl), "JSON Lines is not an index");
                if (e != null) Equal(ZhinanStatus.Parse, e.Status, "status");
                using (var batch = new Batch())
                {
                    batch.Add(s);
                    using (Registry registry = Registry.Load(index)) batch.Registry = registry;
                    Diagnostic similar = batch.Check().FirstOrDefault(d => d.Id == "history.similar_funded");
                    Check(similar != null && similar.File == Sample("valid-hk-macao-taiwan"),
                          "history.similar_funded, named by the file it came from");
                }
            }
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    private sealed class Steps : IProgress<PackageProgress>
    {
        public readonly List<PackageProgress> Seen = new List<PackageProgress>();
        public Action Then;
        public void Report(PackageProgress value)
        {
            Seen.Add(value);
            if (Then != null) Then();
        }
    }

    private static void Package()
    {
        string folder = TempFolder();
        try
        {
            using (var batch = new Batch())
            {
                foreach (string file in Directory.GetFiles(samples, "valid-*.json"))
                    using (Suggestion s = Suggestion.FromFile(file)) batch.Add(s);
                string zip = Path.Combine(folder, "青岛市科学技术局.zip");
                var steps = new Steps();
                var options = new PackageOptions { Department = "青岛市科学技术局", Threads = 2,
                                                   Time = new DateTime(2025, 3, 1, 9, 30, 0) };
                IReadOnlyList<Diagnostic> found = batch.WritePackage(zip, options, steps);
                Equal(0, found.Count(d => d.Severity == Severity.Error), "no errors");
                Check(steps.Seen.Count > 0 && steps.Seen.Last().Done == steps.Seen.Last().Total, "progress to the end");
                Check(File.Exists(zip), "the ZIP");
                Check(File.Exists(Path.Combine(folder, "青岛市科学技术局-汇总表.xlsx")), "the 汇总表");

                string cancelled = Path.Combine(folder, "cancelled.zip");
                using (var cancel = new CancellationTokenSource())
                {
                    var stop = new Steps { Then = cancel.Cancel };
                    Throws<OperationCanceledException>(() => batch.WritePackage(cancelled, null, stop, cancel.Token), "cancelled");
                }
                var broken = new Steps { Then = () => { throw new InvalidOperationException("from the callback"); } };
                Throws<InvalidOperationException>(() => batch.WritePackage(cancelled, null, broken), "rethrown after C");
                Check(!File.Exists(cancelled), "nothing written when cancelled");

                using (Suggestion faulty = Suggestion.FromFile(Sample("faulty-many-mistakes"))) batch.Add(faulty);
                string refused = Path.Combine(folder, "refused.zip");
                ZhinanException e = Throws<ZhinanException>(() => batch.WritePackage(refused), "a faulty suggestion");
                if (e != null)
                {
                    Equal(ZhinanStatus.Refused, e.Status, "status");
                    Check(e.Diagnostics.Any(d => d.Id == "package.refused") &&
                          e.Diagnostics.Any(d => d.Id == "overview.too_long"), "the reasons");
                }
                Check(!File.Exists(refused), "nothing written when refused");
            }
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    /// <summary>A Document outside its file's folder is refused unless PackageOptions.DocumentRoots
    /// names a folder it may lie in (zn_package_options version 2).</summary>
    private static void DocumentRoots()
    {
        string folder = TempFolder();
        try
        {
            string unit = Path.Combine(folder, "unit"), server = Path.Combine(folder, "server");
            Directory.CreateDirectory(unit);
            Directory.CreateDirectory(server);
            File.WriteAllBytes(Path.Combine(server, "电子版.pdf"), Encoding.ASCII.GetBytes("%PDF-1.7\n"));
            string zip = Path.Combine(folder, "p.zip");
            using (var batch = new Batch())
            {
                using (Suggestion s = Suggestion.FromFile(Sample("valid-sco")))
                {
                    s.Document = "../server/电子版.pdf";
                    batch.Add(s, Path.Combine(unit, "建议.json"));
                }
                ZhinanException e = Throws<ZhinanException>(() => batch.WritePackage(zip), "outside without a root");
                if (e != null)
                {
                    Equal(ZhinanStatus.Refused, e.Status, "status");
                    Check(e.Diagnostics.Any(d => d.Id == "package.document_outside"), "package.document_outside");
                }
                Check(!File.Exists(zip), "nothing written");
                IReadOnlyList<Diagnostic> found =
                    batch.WritePackage(zip, new PackageOptions { DocumentRoots = new[] { unit, server } });
                Check(!found.Any(d => d.Id == "package.document_outside"), "allowed under a root");
                Check(File.Exists(zip), "written with the root");
                File.Delete(zip);
                Throws<ArgumentNullException>(
                    () => batch.WritePackage(zip, new PackageOptions { DocumentRoots = new string[] { null } }),
                    "a null root");
                Throws<ArgumentException>(
                    () => batch.WritePackage(zip, new PackageOptions { DocumentRoots = new[] { "" } }), "an empty root");
                Throws<ZhinanException>(
                    () => batch.WritePackage(zip, new PackageOptions { DocumentRoots = new string[0] }), "no roots");
                Check(!File.Exists(zip), "nothing written for bad roots");
            }
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    private static void AuditPackages()
    {
        string folder = TempFolder();
        try
        {
            const string first = "青岛市科学技术局.zip", second = "济南市科学技术局.zip";
            string zip = Path.Combine(folder, first);
            using (var batch = new Batch())
            {
                foreach (string file in Directory.GetFiles(samples, "valid-*.json"))
                    using (Suggestion s = Suggestion.FromFile(file)) batch.Add(s);
                batch.WritePackage(zip, new PackageOptions { Department = "青岛市科学技术局" });
            }
            string jsonl = Path.Combine(folder, "已立项.jsonl");
            using (Suggestion s = Suggestion.FromFile(Sample("valid-hk-macao-taiwan")))
                File.WriteAllText(jsonl, "{\"id\": \"2023-001\", \"year\": 2023, \"title\": " + JsonString(s.Title) +
                                         ", \"abstract\": " + JsonString(s.Overview) + ", \"unit\": \"X\"}\n",
                                  new UTF8Encoding(false));

            using (var audit = new Audit())
            {
                ZhinanException early = Throws<ZhinanException>(() => audit.Report(), "a report before a run");
                if (early != null) Equal(ZhinanStatus.InvalidArgument, early.Status, "status before a run");
                audit.AddPackageFile(zip);
                audit.AddPackageBytes(second, File.ReadAllBytes(zip)); // the same package from another department
                using (Registry registry = Registry.FromJsonLinesFile(jsonl)) audit.SetRegistry(registry);
                var seen = new List<AuditProgress>();
                IReadOnlyList<Diagnostic> found = audit.Run(p => { seen.Add(p); return true; });
                List<Diagnostic> duplicates = found.Where(d => d.Id == "batch.duplicate").ToList();
                Check(duplicates.Count > 0, "batch.duplicate across the two packages");
                Check(duplicates.All(d => d.Package == second && d.Entry.EndsWith(".docx", StringComparison.Ordinal)),
                      "each about the later package, at its entry");
                Check(found.Any(d => d.Id == "history.similar_funded" && d.Package == first), "history.similar_funded");
                Check(found.All(d => d.Package == first || d.Package == second), "every finding names its package");
                Check(seen.Count > 0 && seen.Last().PackagesDone == 2 && seen.Last().PackagesTotal == 2 &&
                      seen.Last().EntriesDone > 0, "progress to the end");

                string json = audit.Report(AuditFormat.Json);
                Check(json.Contains("\"zhinan.audit/1\"") && json.Contains("batch.duplicate"), "the JSON report");
                Check(json.Contains("\"diagnostics\":" + found.ToJson() + ","),
                      "the report's findings are Diagnostics.ToJson of Run's (package and entry as the C writes them)");
                Check(audit.Report(AuditFormat.Html).StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase),
                      "the HTML report");
                Check(audit.Report().StartsWith("审核结果：", StringComparison.Ordinal), "the text report, Chinese first");
                string english = audit.Report(AuditFormat.TextEnglish);
                Check(english.StartsWith("audit: 2 packages", StringComparison.Ordinal) && !english.Contains("审核结果"),
                      "the text report in English alone");
                string xlsx = Path.Combine(folder, "清单.xlsx");
                audit.WriteXlsx(xlsx);
                Check(File.Exists(xlsx), "the list");

                ZhinanException e = Throws<ZhinanException>(() => audit.Run(p => false), "cancelled");
                if (e != null) Equal(ZhinanStatus.Canceled, e.Status, "status when cancelled");
                Throws<ZhinanException>(() => audit.Report(), "no report after a cancelled run");
                Throws<InvalidOperationException>(
                    () => audit.Run(p => { throw new InvalidOperationException("from the callback"); }), "rethrown after C");
            }

            using (Profile builtin = Profile.Builtin())
            using (var audit = new Audit(builtin))
            {
                audit.AddPackageBytes("not-an-archive.zip", Encoding.UTF8.GetBytes("hello, world"));
                audit.AddPackageBytes("empty.zip", new byte[0]);
                Throws<ArgumentNullException>(() => audit.AddPackageBytes("x.zip", null), "null bytes");
                IReadOnlyList<Diagnostic> found = audit.Run(null, ValidationMode.Draft);
                Check(found.Any(d => d.Id == "audit.unreadable" && d.Package == "not-an-archive.zip" && d.Entry == ""),
                      "audit.unreadable for what is no archive");
                Check(found.Any(d => d.Id == "audit.unreadable" && d.Package == "empty.zip"), "an empty package");
                Check(audit.Report(AuditFormat.Json).Contains("\"diagnostics\":" + found.ToJson() + ","),
                      "the unreadable packages' findings as the C writes them");
            }
            var disposed = new Audit();
            disposed.Dispose();
            Throws<ObjectDisposedException>(() => disposed.AddPackageFile(zip), "a disposed audit");
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    /// <summary>The C API itself, for comparing the wrapper with it.</summary>
    private static class CApi
    {
        [DllImport("libzhinan.so.1")]
        internal static extern int zn_suggestion_from_json(out IntPtr s, out IntPtr d, IntPtr profile, byte[] json, UIntPtr len);
        [DllImport("libzhinan.so.1")]
        internal static extern int zn_validate(out IntPtr d, IntPtr s, IntPtr profile, int mode);
        [DllImport("libzhinan.so.1")]
        internal static extern int zn_diagnostics_to_json(out IntPtr json, out UIntPtr len, IntPtr d);
        [DllImport("libzhinan.so.1")]
        internal static extern void zn_diagnostics_free(IntPtr d);
        [DllImport("libzhinan.so.1")]
        internal static extern void zn_suggestion_free(IntPtr s);
        [DllImport("libzhinan.so.1")]
        internal static extern void zn_string_free(IntPtr s);

        /// <summary>zn_diagnostics_to_json of zn_validate of the suggestion json reads as.</summary>
        internal static string ValidateToJson(string json)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(json);
            IntPtr s, parsed, found, text;
            UIntPtr length;
            if (zn_suggestion_from_json(out s, out parsed, IntPtr.Zero, bytes, new UIntPtr((uint)bytes.Length)) != 0)
                throw new InvalidOperationException("zn_suggestion_from_json failed");
            zn_diagnostics_free(parsed);
            try
            {
                if (zn_validate(out found, s, IntPtr.Zero, 0) != 0) throw new InvalidOperationException("zn_validate failed");
                try
                {
                    if (zn_diagnostics_to_json(out text, out length, found) != 0)
                        throw new InvalidOperationException("zn_diagnostics_to_json failed");
                    var utf8 = new byte[(int)length.ToUInt64()];
                    Marshal.Copy(text, utf8, 0, utf8.Length);
                    zn_string_free(text);
                    return Encoding.UTF8.GetString(utf8);
                }
                finally
                {
                    zn_diagnostics_free(found);
                }
            }
            finally
            {
                zn_suggestion_free(s);
            }
        }
    }

    /// <summary>Diagnostics.ToJson writes what zn_diagnostics_to_json writes, character for
    /// character: quotes, backslashes, control characters and Chinese in the messages and
    /// parameters, and the audit's package and entry.</summary>
    private static void FindingsToJson()
    {
        using (Suggestion s = Suggestion.FromFile(Sample("faulty-many-mistakes")))
        {
            s.AddRegion("火星\"\\\t\u0001\u001f/\u007f𠀀");
            IReadOnlyList<Diagnostic> found = s.Validate();
            Check(found.Any(d => d.MessageZh.Contains("\"") && d.Params.Values.Any(v => v.Contains("\\"))),
                  "a finding quotes the quote and the backslash");
            string json = found.ToJson();
            Equal(CApi.ValidateToJson(s.ToJson()), json, "as zn_diagnostics_to_json");
            Check(json.Contains("火星\\\"\\\\") && json.Contains("项目概述"), "escaped, and Chinese as it is");
        }
        Equal("[]", Diagnostics.ToJson(new Diagnostic[0]), "no findings");
        var audit = new Diagnostic("audit.unreadable", Severity.Error, "", "读\u0001不了\b\f\r\n", "un\treadable", 0, 0,
                                   new Dictionary<string, string> { { "reason", "not a zip" } }, "", "部门.zip", "");
        var entry = new Diagnostic("x.y", Severity.Info, "/a", "中", "en", 3, 7, new Dictionary<string, string>(), "f.json",
                                   "", "e.docx");
        Equal("[{\"package\":\"部门.zip\",\"entry\":\"\",\"id\":\"audit.unreadable\",\"severity\":\"error\",\"path\":\"\"," +
              "\"message_zh\":\"读\\u0001不了\\b\\f\\r\\n\",\"message_en\":\"un\\treadable\",\"line\":0,\"column\":0,\"params\":{\"reason\":\"not a zip\"}}," +
              "{\"file\":\"f.json\",\"entry\":\"e.docx\",\"id\":\"x.y\",\"severity\":\"info\",\"path\":\"/a\",\"message_zh\":\"中\"," +
              "\"message_en\":\"en\",\"line\":3,\"column\":7,\"params\":{}}]",
              Diagnostics.ToJson(new[] { audit, entry }), "package and entry as the audit's");
        Throws<ArgumentNullException>(() => Diagnostics.ToJson(null), "null");
    }

    /// <summary>Validate without a profile checks under the profile the suggestion was read
    /// under (issue 15), not the built-in one: one allowing 2 key technologies, given 3.</summary>
    private static void ValidateUnderItsProfile()
    {
        string builtin = File.ReadAllText(Path.Combine(samples, "..", "..", "data", "profiles", "shandong-2025.json"),
                                          Encoding.UTF8);
        Check(builtin.Contains("\"key_technologies_max\": 5"), "the built-in profile's limit");
        string two = builtin.Replace("\"key_technologies_max\": 5", "\"key_technologies_max\": 2");
        using (Profile p = Profile.FromJson(two))
        using (Suggestion s = Suggestion.FromFile(Sample("valid-sco"), p))
        {
            Equal(2, p.KeyTechnologiesMax, "the profile allows 2");
            while (s.KeyTechnologies.Count < 3) s.KeyTechnologies.Add("关键技术" + s.KeyTechnologies.Count, "说明", 4, 7);
            while (s.KeyTechnologies.Count > 3) s.KeyTechnologies.RemoveAt(3);
            Diagnostic tooMany = s.Validate().FirstOrDefault(d => d.Id == "key_tech.too_many");
            Check(tooMany != null && tooMany.Params.Values.Contains("2"), "key_tech.too_many under the profile read under");
            Check(Validator.Validate(s, p).Any(d => d.Id == "key_tech.too_many"), "and with the profile passed again");
            using (Profile standard = Profile.Builtin())
                Check(!s.Validate(standard).Any(d => d.Id == "key_tech.too_many"), "none under the built-in one, passed");
        }
        using (Suggestion s = Suggestion.FromFile(Sample("valid-sco")))
        {
            while (s.KeyTechnologies.Count < 3) s.KeyTechnologies.Add("关键技术" + s.KeyTechnologies.Count, "说明", 4, 7);
            Check(!s.Validate().Any(d => d.Id == "key_tech.too_many"), "read under the built-in one: 3 are fine");
        }
    }

    private static void TextFunctions()
    {
        Equal(9, TextTools.Count("東京2024オリンピック"), "Word's 字数");
        Equal(3, TextTools.Count("a b", CountMode.CharsWithSpaces), "with spaces");
        Equal("abc中国", TextTools.Fold("ＡＢＣ，中國"), "folded");
        IReadOnlyList<Diagnostic> changes;
        string name = TextTools.SanitizeName("氢能:示范?", out changes);
        Check(!name.Contains(":") && !name.Contains("?"), "sanitized: " + name);
        Check(changes.Count > 0 && changes.All(d => d.Id.StartsWith("name.", StringComparison.Ordinal)), "changes listed");
        Equal("1.项目名称-建议单位.docx", TextTools.EntryName(1, "项目名称", "建议单位", "docx", null, null, out changes),
              "entry name");
        Throws<ArgumentNullException>(() => TextTools.EntryName(1, null, "u", "docx", null, null, out changes), "no title");
        Throws<ArgumentNullException>(() => TextTools.EntryName(1, "t", null, "docx", null, null, out changes), "no unit");
        Throws<ArgumentNullException>(() => TextTools.EntryName(1, "t", "u", null, null, null, out changes), "no extension");
    }
}
