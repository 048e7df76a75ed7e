using System;
using System.Runtime.InteropServices;
using Cloexec.Interop;
using Xunit;

namespace Cloexec.Tests;

/// <summary>
/// The copy a wrapper over a raw import passes for a SECURITY_ATTRIBUTES of the user's own type: the caller's struct
/// or object is never written, the copy says the mode, and a type not of the Win32 layout is refused by name. The
/// layout is the Windows SDK's (minwinbase.h: DWORD nLength, LPVOID lpSecurityDescriptor, BOOL bInheritHandle).
/// </summary>
public sealed class SecurityAttributesCopyTests
{
    // sizeof(SECURITY_ATTRIBUTES) in the Windows SDK: 24 on 64-bit (4, 4 of padding, 8, 4, 4 of padding), 12 on 32-bit.
    private static readonly int s_win32Size = IntPtr.Size == 8 ? 24 : 12;

    [StructLayout(LayoutKind.Sequential)]
    private sealed class AttributesClass
    {
        public int nLength;
        public nint lpSecurityDescriptor;
        public bool bInheritHandle;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct AttributesWithBool
    {
        public int nLength;
        public nint lpSecurityDescriptor;
        [MarshalAs(UnmanagedType.Bool)]
        public bool bInheritHandle;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct AttributesWithInt
    {
        public int nLength;
        public nint lpSecurityDescriptor;
        public int bInheritHandle;
    }

    [StructLayout(LayoutKind.Sequential)]
    private sealed class Truncated
    {
        public int nLength;
        public int bInheritHandle;
    }

    [Theory]
    [InlineData(CloexecMode.Set, false)]
    [InlineData(CloexecMode.Clear, true)]
    public void A_class_is_copied_into_a_new_object_that_says_the_mode(CloexecMode mode, bool inherit)
    {
        var caller = new AttributesClass { nLength = s_win32Size, lpSecurityDescriptor = 0x1234, bInheritHandle = !inherit };

        AttributesClass copy = DescriptorRuntime.CopySecurityAttributes(caller, mode);

        Assert.NotSame(caller, copy);
        Assert.Equal((s_win32Size, (nint)0x1234, inherit), (copy.nLength, copy.lpSecurityDescriptor, copy.bInheritHandle));
        Assert.Equal((s_win32Size, (nint)0x1234, !inherit), (caller.nLength, caller.lpSecurityDescriptor, caller.bInheritHandle));
    }

    [Fact]
    public void Passing_through_hands_back_the_callers_own_object_or_null()
    {
        var caller = new AttributesClass { nLength = s_win32Size, bInheritHandle = true };

        Assert.Same(caller, DescriptorRuntime.CopySecurityAttributes(caller, CloexecMode.PassThrough));
        Assert.Null(DescriptorRuntime.CopySecurityAttributes<AttributesClass>(null, CloexecMode.PassThrough));
    }

    [Theory]
    [InlineData(CloexecMode.Set, false)]
    [InlineData(CloexecMode.Clear, true)]
    public void Null_becomes_a_fresh_struct_of_the_Win32_size(CloexecMode mode, bool inherit)
    {
        AttributesClass? fresh = DescriptorRuntime.CopySecurityAttributes<AttributesClass>(null, mode);

        Assert.NotNull(fresh);
        Assert.Equal((s_win32Size, (nint)0, inherit), (fresh.nLength, fresh.lpSecurityDescriptor, fresh.bInheritHandle));
    }

    [Theory]
    [InlineData(CloexecMode.Set, false)]
    [InlineData(CloexecMode.Clear, true)]
    public void Structs_with_a_bool_or_an_int_field_are_copied_as_their_BOOL(CloexecMode mode, bool inherit)
    {
        var withBool = new AttributesWithBool { nLength = s_win32Size, lpSecurityDescriptor = 7, bInheritHandle = !inherit };
        var withInt = new AttributesWithInt { nLength = s_win32Size, lpSecurityDescriptor = 7, bInheritHandle = inherit ? 0 : 1 };

        AttributesWithBool boolCopy = DescriptorRuntime.CopySecurityAttributes(withBool, mode);
        AttributesWithInt intCopy = DescriptorRuntime.CopySecurityAttributes(withInt, mode);

        Assert.Equal((s_win32Size, (nint)7, inherit), (boolCopy.nLength, boolCopy.lpSecurityDescriptor, boolCopy.bInheritHandle));
        Assert.Equal((s_win32Size, (nint)7, inherit ? 1 : 0), (intCopy.nLength, intCopy.lpSecurityDescriptor, intCopy.bInheritHandle));
    }

    [Theory]
    [InlineData(CloexecMode.Set)]
    [InlineData(CloexecMode.Clear)]
    public void A_type_not_of_the_Win32_layout_is_refused_by_name_and_left_alone(CloexecMode mode)
    {
        var caller = new Truncated { nLength = 8, bInheritHandle = 1 };

        ArgumentException refused = Assert.Throws<ArgumentException>(() => DescriptorRuntime.CopySecurityAttributes(caller, mode));

        Assert.Contains(typeof(Truncated).FullName!, refused.Message, StringComparison.Ordinal);
        Assert.Equal((8, 1), (caller.nLength, caller.bInheritHandle));
    }
}
