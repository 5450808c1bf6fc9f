// How the C# wrapper finds libzhinan without LD_LIBRARY_PATH (csharp.load_*). The first
// statement of Main is a call into the library, so nothing has loaded it before: the
// wrapper must do so itself before Mono binds the first P/Invoke.
//   mono TestLoading.exe expect PATH    loads PATH (Library.LoadedFrom) and works
//   mono TestLoading.exe refused NAMED  fails, naming ZHINAN_LIBRARY's NAMED and only that
//   mono TestLoading.exe missing        fails, naming every place it tried; exit 77 (skipped)
//                                       when this machine has a libzhinan installed
using System;
using System.IO;
using System.Text;
using Zhinan;

internal static class TestLoading
{
    private static int checks, failures;

    private static void Check(bool condition, string what)
    {
        ++checks;
        if (condition) return;
        ++failures;
        Console.WriteLine("FAIL [load] " + what);
    }

    private static int Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(false);
        string mode = args.Length > 0 ? args[0] : "";
        if (mode == "expect" && args.Length == 2) Expect(args[1]);
        else if (mode == "refused" && args.Length == 2) Refused(args[1]);
        else if (mode == "missing" && args.Length == 1)
        {
            if (Missing()) return 77;
        }
        else
        {
            Console.WriteLine("usage: mono TestLoading.exe expect PATH | refused PATH | missing");
            return 2;
        }
        Console.WriteLine("csharp.load " + mode + ": " + checks + " checks, " + failures + " failures");
        return Math.Min(failures, 100);
    }

    private static void Expect(string path)
    {
        string version = Library.VersionString;
        Check(version.StartsWith("1.", StringComparison.Ordinal), "the version string: " + version);
        Check(Path.GetFullPath(Library.LoadedFrom) == Path.GetFullPath(path),
              "loaded from " + path + ", not " + Library.LoadedFrom);
        Library.CheckVersion();
        using (var s = new Suggestion())
        {
            s.Title = "氢能示范";
            Check(s.Title == "氢能示范", "a suggestion through the library loaded");
            bool missing = false;
            foreach (Diagnostic d in s.Validate()) missing |= d.Id == "overview.missing";
            Check(missing, "validation through the library loaded");
        }
    }

    /// <summary>The message, and the same exception again on a later call (Mono binds once).</summary>
    private static string Failure(Func<object> call, string what)
    {
        try
        {
            call();
        }
        catch (DllNotFoundException e)
        {
            ++checks;
            return e.Message;
        }
        catch (Exception e)
        {
            Check(false, what + ": threw " + e.GetType().Name + " instead of DllNotFoundException: " + e.Message);
            return "";
        }
        Check(false, what + ": loaded from " + Library.LoadedFrom);
        return "";
    }

    private static void Refused(string named)
    {
        string message = Failure(() => Library.VersionString, "ZHINAN_LIBRARY naming no library");
        Check(message.Contains("ZHINAN_LIBRARY") && message.Contains(named), "the message names it: " + message);
        Check(!message.Contains("tried, in order"), "nothing else tried when it is set: " + message);
        Failure(() => new Suggestion(), "a later call");
    }

    /// <summary>true when the machine has a libzhinan the search finds (the check is skipped).</summary>
    private static bool Missing()
    {
        string found = null, message = "";
        try
        {
            found = Library.LoadedFrom;
        }
        catch (DllNotFoundException e)
        {
            message = e.Message;
        }
        if (found != null)
        {
            string here = Path.GetFullPath(AppContext.BaseDirectory);
            Check(!(Path.IsPathRooted(found) && Path.GetFullPath(found).StartsWith(here, StringComparison.Ordinal)),
                  "loaded from the test's folder, where it put no library: " + found);
            if (failures > 0) return false;
            Console.WriteLine("skipped: this machine has libzhinan installed (" + found + ")");
            return true;
        }
        ++checks;
        string[] places =
        {
            "ZHINAN_LIBRARY (not set)",
            "the application's folder: " + Path.Combine(AppContext.BaseDirectory, "libzhinan.so.1"),
            "the install prefix's libdir: /usr/local/lib/libzhinan.so.1",
            "the install prefix's libdir: /usr/lib/x86_64-linux-gnu/libzhinan.so.1",
            "the system loader's default search: libzhinan.so.1",
            "Set ZHINAN_LIBRARY to the library's full path"
        };
        int at = -1;
        foreach (string place in places)
        {
            int next = message.IndexOf(place, StringComparison.Ordinal);
            Check(next > at, "names, in order, «" + place + "»: " + message);
            if (next > at) at = next;
        }
        string again = Failure(() => new Suggestion(), "a later call");
        Check(again == message, "the same message again");
        return false;
    }
}
