// Finding libzhinan before the first P/Invoke, the same way on Mono and .NET, without
// LD_LIBRARY_PATH: ZHINAN_LIBRARY (when set, only that); the library in the application's
// folder; the install prefixes' libdirs (Linux: /usr/local/lib, /usr/local/lib64 and
// /usr/lib/<multiarch>, where cmake --install and the .deb put it); the system loader's
// default search.
//
// The chosen file is loaded by full path with dlopen(RTLD_NOW | RTLD_GLOBAL) (LoadLibraryW
// on Windows). Every DllImport names "libzhinan.so.1": glibc's dlopen of that name, which
// the runtime does at the first call, then finds the object already loaded under that
// SONAME, so Mono and .NET use the very file chosen here. On .NET Core 3.0+ and .NET 5+ a
// DllImportResolver (registered through reflection: netstandard2.0 has no NativeLibrary)
// hands the runtime the same handle directly, which is what makes zhinan.dll load on
// Windows; Mono on other systems maps the name with Zhinan.dll.config.
//
// Mono binds a P/Invoke when it compiles the first method that calls it, and keeps a
// failure for good. So code that may run before the library is loaded must not call
// NativeMethods itself: the static entry points and constructors run their bodies
// through LibraryLoader.Run, as lambdas, which are compiled only when called.
using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;

namespace Zhinan
{
    internal static class LibraryLoader
    {
        /// <summary>The name every DllImport uses (the library's SONAME on Linux).</summary>
        internal const string ImportName = "libzhinan.so.1";
        /// <summary>The environment variable naming the library's full path.</summary>
        internal const string Variable = "ZHINAN_LIBRARY";

        private const int RTLD_NOW = 2, RTLD_GLOBAL = 0x100;
        private static readonly object Gate = new object();
        private static bool attempted;
        private static IntPtr handle;
        private static string loadedFrom;
        private static string failure;

        [DllImport("libdl.so.2", EntryPoint = "dlopen", CallingConvention = CallingConvention.Cdecl)]
        private static extern IntPtr DlOpen(byte[] file, int flags);
        [DllImport("libdl.so.2", EntryPoint = "dlerror", CallingConvention = CallingConvention.Cdecl)]
        private static extern IntPtr DlError();
        [DllImport("kernel32.dll", EntryPoint = "LoadLibraryW", CharSet = CharSet.Unicode, SetLastError = true)]
        private static extern IntPtr LoadLibraryW(string file);

        private static bool IsWindows { get { return Path.DirectorySeparatorChar == '\\'; } }

        private static string FileName { get { return IsWindows ? "zhinan.dll" : ImportName; } }

        /// <summary>The file loaded (a full path, or the bare name the system loader found).</summary>
        internal static string LoadedFrom
        {
            get
            {
                Require();
                return loadedFrom;
            }
        }

        /// <summary>Loads the library once per process; DllNotFoundException, naming every place
        /// tried, when it cannot (and again on every later call: Mono would not retry).</summary>
        internal static void Require()
        {
            lock (Gate)
            {
                if (!attempted)
                {
                    attempted = true;
                    failure = Load();
                }
            }
            if (failure != null) throw new DllNotFoundException(failure);
        }

        /// <summary>Runs body once the library is loaded. body is a lambda, so Mono compiles the
        /// P/Invokes inside it only now, after loading.</summary>
        internal static T Run<T>(Func<T> body)
        {
            Require();
            return body();
        }

        /// <summary>null on success, else the message.</summary>
        private static string Load()
        {
            string given = Environment.GetEnvironmentVariable(Variable);
            if (!string.IsNullOrEmpty(given))
            {
                string reason = TryLoad(given);
                return reason == null ? null
                     : "ZHINAN_LIBRARY 指定的库无法加载 / the library ZHINAN_LIBRARY names cannot be loaded: " + given +
                           " (" + reason + ")\nSet " + Variable + " to the full path of " + FileName +
                           ", or unset it to search the application's folder, the install prefix and the system.";
            }
            var tried = new List<string> { Variable + " (not set)" };
            foreach (KeyValuePair<string, string> place in Places())
            {
                if (!File.Exists(place.Value))
                {
                    tried.Add(place.Key + ": " + place.Value + " (not there)");
                    continue;
                }
                string reason = TryLoad(place.Value);
                if (reason == null) return null;
                tried.Add(place.Key + ": " + place.Value + " (" + reason + ")");
            }
            string system = TryLoad(FileName);
            if (system == null) return null;
            tried.Add("the system loader's default search: " + FileName + " (" + system + ")");
            return "找不到 " + FileName + " / cannot load " + FileName + "; tried, in order:\n  " +
                   string.Join("\n  ", tried.ToArray()) + "\nSet " + Variable + " to the library's full path (e.g. " +
                   (IsWindows ? @"C:\zhinan\bin\zhinan.dll" : "/usr/local/lib/libzhinan.so.1") +
                   "), or copy it next to the application.";
        }

        /// <summary>(where, full path) in the order tried after ZHINAN_LIBRARY.</summary>
        private static IEnumerable<KeyValuePair<string, string>> Places()
        {
            var folders = new List<string>();
            string app = AppContext.BaseDirectory;
            if (!string.IsNullOrEmpty(app)) folders.Add(app);
            string location = typeof(LibraryLoader).Assembly.Location; // "" in a single-file app
            string assembly = string.IsNullOrEmpty(location) ? null : Path.GetDirectoryName(location);
            if (!string.IsNullOrEmpty(assembly) && !SameFolder(assembly, app)) folders.Add(assembly);
            foreach (string folder in folders)
                yield return new KeyValuePair<string, string>("the application's folder", Path.Combine(folder, FileName));
            if (IsWindows) yield break;
            var libdirs = new List<string> { "/usr/local/lib", "/usr/local/lib64" };
            string triplet = Multiarch();
            if (triplet != null) libdirs.Add("/usr/lib/" + triplet);
            foreach (string libdir in libdirs)
                yield return new KeyValuePair<string, string>("the install prefix's libdir", libdir + "/" + FileName);
        }

        private static bool SameFolder(string a, string b)
        {
            if (string.IsNullOrEmpty(a) || string.IsNullOrEmpty(b)) return false;
            return Path.GetFullPath(a).TrimEnd(Path.DirectorySeparatorChar) ==
                   Path.GetFullPath(b).TrimEnd(Path.DirectorySeparatorChar);
        }

        /// <summary>Debian's multiarch folder name for this process.</summary>
        private static string Multiarch()
        {
            switch (RuntimeInformation.ProcessArchitecture)
            {
            case Architecture.X64: return "x86_64-linux-gnu";
            case Architecture.Arm64: return "aarch64-linux-gnu";
            case Architecture.X86: return "i386-linux-gnu";
            case Architecture.Arm: return "arm-linux-gnueabihf";
            default: return null;
            }
        }

        /// <summary>null when file loaded (and is now the library), else why not.</summary>
        private static string TryLoad(string file)
        {
            IntPtr h;
            string reason;
            try
            {
                if (IsWindows)
                {
                    h = LoadLibraryW(file);
                    reason = h == IntPtr.Zero ? "Windows error " + Marshal.GetLastWin32Error() : null;
                }
                else
                {
                    byte[] name = Encoding.UTF8.GetBytes(file + "\0");
                    h = DlOpen(name, RTLD_NOW | RTLD_GLOBAL);
                    reason = h == IntPtr.Zero ? Message(DlError()) : null;
                }
            }
            catch (DllNotFoundException e) // no libdl.so.2 (not glibc)
            {
                return e.Message;
            }
            catch (EntryPointNotFoundException e)
            {
                return e.Message;
            }
            if (reason != null) return reason;
            handle = h;
            loadedFrom = file;
            RegisterResolver();
            return null;
        }

        private static string Message(IntPtr error)
        {
            if (error == IntPtr.Zero) return "dlopen failed";
            int length = 0;
            while (Marshal.ReadByte(error, length) != 0) ++length;
            var bytes = new byte[length];
            Marshal.Copy(error, bytes, 0, length);
            return Encoding.UTF8.GetString(bytes); // lenient: a message, never refused
        }

        /// <summary>On .NET Core 3.0+ (not Mono, not .NET Framework): NativeLibrary.SetDllImportResolver
        /// for this assembly, answering ImportName with the handle loaded here.</summary>
        private static void RegisterResolver()
        {
            Type nativeLibrary = Type.GetType("System.Runtime.InteropServices.NativeLibrary");
            Type resolverType = Type.GetType("System.Runtime.InteropServices.DllImportResolver");
            if (nativeLibrary == null || resolverType == null) return;
            MethodInfo set = nativeLibrary.GetMethod("SetDllImportResolver", new[] { typeof(Assembly), resolverType });
            MethodInfo resolve = typeof(LibraryLoader).GetMethod("Resolve", BindingFlags.NonPublic | BindingFlags.Static);
            if (set == null || resolve == null) return;
            set.Invoke(null, new object[] { typeof(LibraryLoader).Assembly, Delegate.CreateDelegate(resolverType, resolve) });
        }

        /// <summary>The DllImportResolver: IntPtr.Zero leaves other names to the runtime.</summary>
        private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
        {
            return name == ImportName ? handle : IntPtr.Zero;
        }
    }
}
