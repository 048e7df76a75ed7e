using Cloexec.Tests.Peers;
using Xunit;

namespace Cloexec.Tests;

/// <summary>
/// The values the peers' ported cases pass to the kernel (<see cref="PeerLinux"/>), against this machine's C
/// headers. Not a port of any peer's test: a check of this repository's own constants, kept out of Peers/.
/// </summary>
public sealed class PeerValueHeaderTests
{
    [Theory]
    [InlineData("O_PATH", PeerLinux.OPath)]
    [InlineData("AF_INET", PeerLinux.AfInet)]
    [InlineData("SOCK_DGRAM", PeerLinux.SockDgram)]
    [InlineData("SO_TYPE", PeerLinux.SoType)]
    [InlineData("F_SETFD", PeerLinux.FSetFd)]
    public void A_value_the_ported_cases_use_matches_the_header(string name, int value) => Assert.Equal(LinuxHeaderValues.Of(name), value);
}
