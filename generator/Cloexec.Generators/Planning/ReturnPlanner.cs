using Cloexec.Generators.Diagnostics;
using Cloexec.Generators.Knowledge;
using Cloexec.Generators.Model;

namespace Cloexec.Generators.Planning;

/// <summary>Whether the result's declared type can hold what the call returns, and the native type a SafeHandle crosses as.</summary>
internal static class ReturnPlanner
{
    /// <param name="known">
    /// The entry point's row: what the function returns when no choice could be planned (an argument already reported),
    /// so that the result is judged against the function, never against a return value it does not have.
    /// </param>
    /// <param name="crt">Whether the library is a C runtime: its descriptors are ints of its own table, not HANDLEs a SafeHandle could close.</param>
    public static ReturnModel Plan(CallRequest request, ReturnModel result, CallChoice? choice, EntryPointInfo? known, NativePlatform platform, bool crt,
        System.Collections.Generic.List<DiagnosticInfo> diagnostics)
    {
        ReturnFacts facts = request.Return;
        DescriptorOutput output = choice?.Output ?? known?.Output ?? DescriptorOutput.ReturnValue;
        bool socket = choice?.Resource == NativeResource.Socket;
        bool safeHandle = facts.Has(ReturnTraits.ConcreteSafeHandle);
        bool supported = output switch
        {
            DescriptorOutput.ReturnValue when socket => facts.Has(ReturnTraits.NativeInteger) || safeHandle,
            DescriptorOutput.ReturnValue when crt => facts.Has(ReturnTraits.Int32),
            DescriptorOutput.ReturnValue => facts.Has(ReturnTraits.Int32 | ReturnTraits.NativeInteger) || safeHandle,
            DescriptorOutput.OutArguments => facts.Has(ReturnTraits.Int32 | ReturnTraits.BoolAsInt),
            DescriptorOutput.Pair or DescriptorOutput.ReceivedRightsMessages or DescriptorOutput.TwoOutPointers => facts.Has(ReturnTraits.Int32),
            DescriptorOutput.Stream or DescriptorOutput.ReopenedStream or DescriptorOutput.ProcessStream or DescriptorOutput.Directory => facts.Has(ReturnTraits.NativeInteger),
            DescriptorOutput.HandleOrNull => facts.Has(ReturnTraits.NativeInteger) || safeHandle,
            DescriptorOutput.OutDescriptor or DescriptorOutput.DuplicatedOnto => facts.Has(ReturnTraits.Int32),
            _ => facts.Has(ReturnTraits.Int32 | ReturnTraits.NativeInteger | ReturnTraits.Int64),
        };
        if (!supported && !facts.Has(ReturnTraits.ErrorType))
        {
            string expected = output switch
            {
                DescriptorOutput.ReturnValue when socket => "a SOCKET: declare 'nint' or a SafeHandle type",
                DescriptorOutput.ReturnValue when crt => "a descriptor of the C runtime's own table, not a HANDLE: declare 'int'",
                DescriptorOutput.ReturnValue => "a descriptor: declare 'int', 'nint' or a SafeHandle type",
                DescriptorOutput.Pair => "0 or -1: declare 'int'",
                DescriptorOutput.OutArguments => "a BOOL: declare 'int', or 'bool' with [return: MarshalAs(UnmanagedType.Bool)]",
                DescriptorOutput.ReceivedRightsMessages => "a count of messages: declare 'int'",
                DescriptorOutput.TwoOutPointers => "0 or -1: declare 'int'",
                DescriptorOutput.Stream or DescriptorOutput.ReopenedStream or DescriptorOutput.ProcessStream => "a FILE*: declare 'nint'",
                DescriptorOutput.Directory => "a DIR*: declare 'nint'",
                DescriptorOutput.HandleOrNull => "a HANDLE: declare 'nint' or a SafeHandle type",
                DescriptorOutput.OutDescriptor => "an errno_t: declare 'int'",
                DescriptorOutput.DuplicatedOnto => "0 or -1: declare 'int'",
                _ => "a byte count: declare 'nint', 'long' or 'int'",
            };
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedReturnType, facts.Location, request.MethodName, facts.DisplayType,
                request.Target?.EntryPoint ?? request.MethodName, expected));
        }

        // A Unix descriptor comes back as a C int: read as nint, its upper half would be whatever the register held.
        // A Windows HANDLE or SOCKET is pointer-sized.
        return result.Kind == ReturnKind.SafeHandle ? result with { NativeType = platform == NativePlatform.Windows ? "nint" : "int" } : result;
    }
}
