using Xunit;

namespace Cloexec.Tests.Peers;

/// <summary>The values <see cref="PeerLinux"/> passes to the kernel, against this machine's C headers.</summary>
public sealed class PeerLinuxTests
{
    [Theory]
    [InlineData("O_PATH", PeerLinux.OPath)]
    [InlineData("AF_INET", PeerLinux.AfInet)]
    [InlineData("SOCK_DGRAM", PeerLinux.SockDgram)]
    [InlineData("SO_TYPE", PeerLinux.SoType)]
    [InlineData("F_SETFD", PeerLinux.FSetFd)]
    public void A_value_matches_the_header(string name, int value) => Assert.Equal(LinuxHeaderValues.Of(name), value);
}
