namespace BindingStyles.Corpus.TmdsFork;

using System.Runtime.InteropServices;

// A fork of a raw Linux binding (dodexahedron/Tmds.LibC after tmds/Tmds.LibC): file-scoped namespace before its
// usings, two-space indentation, a space before every parenthesis, flags as expression-bodied properties.
public static partial class LibC
{
  internal const string libc = "libc.so.6";

  public static int EFD_NONBLOCK => 0x800;
  public static int EFD_SEMAPHORE => 1;

  [DllImport (libc, SetLastError = true)]
  public static extern int eventfd (uint initval, int flags);

  [DllImport (libc, SetLastError = true)]
  public static extern int inotify_init ();
}
