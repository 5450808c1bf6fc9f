// For csharp.undocumented_member_fails: the wrapper's sources plus this public member
// without a doc comment must not build (mcs -doc -warnaserror: CS1591).
namespace Zhinan
{
    /// <summary>Documented; its member is not.</summary>
    public static class Undocumented
    {
        public static int Member() { return 0; }
    }
}
