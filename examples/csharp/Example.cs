// Read a 指南建议 with zhinan's C# wrapper, check it against the 2025 call and print what
// was found: in Chinese for the clerk, then in English.
//
//   mcs -r:Zhinan.dll Example.cs
//   LD_LIBRARY_PATH=/path/to/lib mono Example.exe SUGGESTION.json
//
// (Zhinan.dll and Zhinan.dll.config beside Example.exe.) Exit status: 0 when the suggestion
// has no errors, 1 when it has, 2 when it cannot be read.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Zhinan;

internal static class Example
{
    private static string Level(Profile profile, int level)
    {
        if (level == 0) return "未填";
        string name = profile.TrlName(level);
        return name != null ? level + " " + name : level + "（不在等级范围内）";
    }

    private static string Labels(IEnumerable<string> codes, IReadOnlyList<Choice> choices)
    {
        return string.Join("、", codes.Select(code => choices.Where(c => c.Code == code).Select(c => c.Label).FirstOrDefault() ?? code));
    }

    private static int Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(false); // Chinese whatever the console's code page
        if (args.Length != 1)
        {
            Console.Error.WriteLine("usage: mono Example.exe SUGGESTION.json");
            return 2;
        }

        Suggestion suggestion;
        try
        {
            suggestion = Suggestion.FromFile(args[0]);
        }
        catch (ZhinanException e) // not JSON, not UTF-8, not there: say where and why
        {
            Console.WriteLine(e.MessageZh);
            Console.WriteLine(e.MessageEn);
            return 2;
        }

        using (suggestion)
        using (Profile profile = Profile.Builtin())
        {
            List<Diagnostic> found = suggestion.ParseDiagnostics.Concat(Validator.Validate(suggestion, profile)).ToList();
            int errors = found.Count(d => d.Severity == Severity.Error);
            int warnings = found.Count(d => d.Severity == Severity.Warning);
            var severityZh = new Dictionary<Severity, string> { { Severity.Error, "错误" }, { Severity.Warning, "警告" }, { Severity.Info, "说明" } };

            Console.WriteLine("项目名称：" + suggestion.Title);
            Console.WriteLine("合作国别、地区：" + Labels(suggestion.Regions, profile.Regions));
            Console.WriteLine("产业领域：" + Labels(suggestion.Industries, profile.Industries));
            int i = 0;
            foreach (KeyTechnology tech in suggestion.KeyTechnologies)
                Console.WriteLine("关键技术" + ++i + "：" + tech.Name + "（" + Level(profile, tech.Current) + " → " +
                                  Level(profile, tech.Expected) + "）");
            Console.WriteLine("检查结果：" + errors + "个错误，" + warnings + "个警告");
            foreach (Diagnostic d in found) Console.WriteLine("  【" + severityZh[d.Severity] + "】" + d.MessageZh);

            Console.WriteLine();
            Console.WriteLine("Title: " + suggestion.Title);
            Console.WriteLine("Findings: " + errors + " error(s), " + warnings + " warning(s)");
            foreach (Diagnostic d in found)
                Console.WriteLine("  [" + d.Severity.ToString().ToLowerInvariant() + "] " + d.Id + " at " +
                                  (d.Path.Length > 0 ? d.Path : "/") + ": " + d.MessageEn);
            return errors > 0 ? 1 : 0;
        }
    }
}
