using System;

namespace Cloexec.Platform;

// Apart from the table itself so that the table, which has no OS call in it, also compiles into the analyzer.
internal sealed partial record PlatformValues
{
    /// <summary>This process's platform, or <see langword="null"/> where descriptors are not Unix ones.</summary>
    internal static PlatformValues? Current { get; } =
        OperatingSystem.IsLinux() || OperatingSystem.IsAndroid() ? Linux
        : OperatingSystem.IsMacOS() || OperatingSystem.IsIOS() || OperatingSystem.IsTvOS() || OperatingSystem.IsMacCatalyst() ? MacOS
        : OperatingSystem.IsFreeBSD() ? FreeBsd
        : null;
}
