using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using Xunit;

namespace Cloexec.Windows.Tests;

/// <summary>What the caller itself asks for in the inheritance argument: TRUE, FALSE, or a null SECURITY_ATTRIBUTES.</summary>
public enum CallerChoice
{
    Inherit,
    NotInherit,
    Null,
}

/// <summary>
/// One handle from each of <see cref="ArgumentShapeCreators"/>, the caller asking for <see cref="CallerChoice"/> in its own
/// argument; each case checks that the caller's struct or object is as it was after the call.
/// </summary>
internal static unsafe partial class CreatorCases
{
    private static readonly Dictionary<string, Func<CallerChoice, bool?, Sink>> s_shapeCases = new()
    {
        ["CreatePipe, class, out SafeFileHandle, bool"] = (choice, cloexec) =>
        {
            SecurityAttributesClass? attributes = ClassOf(choice);
            (int length, bool inherit) before = (attributes?.nLength ?? 0, attributes?.bInheritHandle ?? false);
            Assert.True(ArgumentShapeCreators.PipeWithClass(out SafeFileHandle read, out SafeFileHandle write, attributes, 0, cloexec));
            Assert.Equal(before, (attributes?.nLength ?? 0, attributes?.bInheritHandle ?? false));
            return PipeSink(Take(read), Take(write));
        },
        ["CreatePipe, ref struct, out IntPtr, bool"] = (choice, cloexec) =>
        {
            SECURITY_ATTRIBUTES attributes = StructOf(choice);
            SECURITY_ATTRIBUTES before = attributes;
            Assert.True(ArgumentShapeCreators.PipeWithRef(out nint read, out nint write, ref attributes, 0, cloexec));
            Assert.Equal(before, attributes);
            return PipeSink(read, write);
        },
        ["CreatePipe, in struct, MarshalAs(Bool) result"] = (choice, cloexec) =>
        {
            SECURITY_ATTRIBUTES attributes = StructOf(choice);
            SECURITY_ATTRIBUTES before = attributes;
            Assert.True(ArgumentShapeCreators.PipeWithIn(out SafeFileHandle read, out SafeFileHandle write, in attributes, 0, cloexec));
            Assert.Equal(before, attributes);
            return PipeSink(Take(read), Take(write));
        },
        ["CreatePipe, [In] ref struct with a bool field, int result"] = (choice, cloexec) =>
        {
            var attributes = new SecurityAttributesWithBool { nLength = sizeof(SECURITY_ATTRIBUTES), bInheritHandle = choice == CallerChoice.Inherit };
            SecurityAttributesWithBool before = attributes;
            Assert.NotEqual(0, ArgumentShapeCreators.PipeWithInRefBoolStruct(out nint read, out nint write, ref attributes, 0, cloexec));
            Assert.Equal(before, attributes);
            return PipeSink(read, write);
        },
        ["CreatePipe, struct by value"] = (choice, cloexec) =>
        {
            SECURITY_ATTRIBUTES attributes = StructOf(choice);
            Assert.True(ArgumentShapeCreators.PipeWithStructByValue(out nint read, out nint write, attributes, 0, cloexec));
            return PipeSink(read, write);
        },
        ["CreateEventW, class, SafeWaitHandle"] = (choice, cloexec) =>
        {
            SecurityAttributesClass? attributes = ClassOf(choice);
            bool? before = attributes?.bInheritHandle;
            SafeWaitHandle handle = ArgumentShapeCreators.EventWithClass(attributes, manualReset: true, initialState: false, null, cloexec);
            Assert.Equal(before, attributes?.bInheritHandle);
            Assert.False(handle.IsInvalid);
            return EventSink(Take(handle));
        },
        ["CreateFileW, class, SafeFileHandle"] = (choice, cloexec) =>
        {
            SecurityAttributesClass? attributes = ClassOf(choice);
            bool? before = attributes?.bInheritHandle;
            string path = TemporaryPath();
            SafeFileHandle handle = ArgumentShapeCreators.FileWithClass(path, Win32.GenericWrite, Win32.FileShareAll, attributes, Win32.CreateAlways, Win32.FileAttributeNormal, 0, cloexec);
            Assert.Equal(before, attributes?.bInheritHandle);
            Assert.False(handle.IsInvalid);
            return FileSink(path, Take(handle));
        },
        ["DuplicateHandle, HandleRef and SafeHandle sources, out SafeFileHandle, bool"] = (choice, cloexec) =>
        {
            SECURITY_ATTRIBUTES plain = StructOf(CallerChoice.NotInherit);
            Assert.True(ArgumentShapeCreators.PipeWithRef(out nint read, out nint write, ref plain, 0, cloexec: true));
            using var source = new SafeFileHandle(write, ownsHandle: true);
            var process = new HandleRef(null, Win32.GetCurrentProcess());
            Assert.True(ArgumentShapeCreators.DuplicateToSafeHandle(process, source, process, out SafeFileHandle duplicate, 0, choice == CallerChoice.Inherit, Win32.DuplicateSameAccess, cloexec));
            return PipeSink(read, Take(duplicate));
        },
        ["DuplicateHandle, IntPtr sources, out SafeWaitHandle, MarshalAs(Bool)"] = (choice, cloexec) =>
        {
            nint created = Win32.CreateEvent(0, 1, 0, null);
            Assert.NotEqual(0, created);
            nint process = Win32.GetCurrentProcess();
            Assert.True(ArgumentShapeCreators.DuplicateToWaitHandle(process, created, process, out SafeWaitHandle duplicate, 0, choice == CallerChoice.Inherit, (int)Win32.DuplicateSameAccess, cloexec));
            nint opened = Take(duplicate);
            return OpenedSink(created, opened, Proof.SetEvent, () => Win32.WaitForSingleObject(created, 0) == Win32.WaitObject0, () => Win32.CloseHandle(opened));
        },
        ["OpenProcess, bool, SafeProcessHandle"] = (choice, cloexec) =>
        {
            uint id = Win32.GetCurrentProcessId();
            SafeProcessHandle process = ArgumentShapeCreators.OpenProcessWithBool((int)Win32.ProcessQueryLimitedInformation, choice == CallerChoice.Inherit, (int)id, cloexec);
            Assert.False(process.IsInvalid);
            nint handle = Take(process);
            return Sink.Reported(handle, Proof.ProcessId, id, () => Win32.CloseHandle(handle));
        },
    };

    public static TheoryData<string> ShapeNames
    {
        get
        {
            var names = new TheoryData<string>();
            foreach (string name in s_shapeCases.Keys)
            {
                names.Add(name);
            }

            return names;
        }
    }

    /// <summary>Whether the case's argument can be null (a class or a pointer): then a null argument is a choice too.</summary>
    public static bool TakesNull(string name) => name.Contains(", class,", StringComparison.Ordinal);

    public static Sink CreateShape(string name, CallerChoice choice, bool? cloexec) => s_shapeCases[name](choice, cloexec);

    private static SecurityAttributesClass? ClassOf(CallerChoice choice) =>
        choice == CallerChoice.Null ? null : new SecurityAttributesClass { bInheritHandle = choice == CallerChoice.Inherit };

    private static SECURITY_ATTRIBUTES StructOf(CallerChoice choice) =>
        new() { nLength = sizeof(SECURITY_ATTRIBUTES), bInheritHandle = choice == CallerChoice.Inherit ? 1 : 0 };

    /// <summary>The handle out of its SafeHandle, which no longer owns it: the sink closes it.</summary>
    private static nint Take(SafeHandle handle)
    {
        nint value = handle.DangerousGetHandle();
        handle.SetHandleAsInvalid();
        return value;
    }
}
