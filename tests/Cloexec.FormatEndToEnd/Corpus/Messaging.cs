using System.Runtime.InteropServices;

// A message bus transport (the style of the D-Bus bindings of the Mono era): a public class that is neither static nor
// sealed, protected raw imports, Mono's spacing before parentheses, SetLastError=true without spaces.
namespace BindingStyles.Corpus.Messaging
{
    public class UnixSocket
    {
        public const short AF_UNIX = 1;
        public const int SOCK_STREAM = 1;

        [DllImport ("libc", SetLastError=true)]
            protected static extern int socket (int domain, int type, int protocol);

        public static int Create () => socket (AF_UNIX, SOCK_STREAM, 0);
    }
}
