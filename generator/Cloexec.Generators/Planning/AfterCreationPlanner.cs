using Cloexec.Generators.Model;

namespace Cloexec.Generators.Planning;

/// <summary>What sets the flag after creation, and what clears it for <c>cloexec: false</c>, for each kind of output.</summary>
internal static class AfterCreationPlanner
{
    public static AfterCreationPlan SetAfter(PlanContext context, CallChoice choice, ReturnModel result)
    {
        // A SafeHandle over a raw import is closed by disposing it; a bare SOCKET needs closesocket, a bare HANDLE goes
        // back to NULL if it fails.
        bool wrappedSafeHandle = context.Wraps && result.Kind == ReturnKind.SafeHandle;
        CrtLibrary crt = CrtOf(choice);
        return choice.Output switch
        {
            DescriptorOutput.OutArguments => AfterCreationPlan.Nothing,
            DescriptorOutput.ReturnValue => Returned(choice.Resource == NativeResource.Socket && !wrappedSafeHandle
                ? AfterCreationAction.SetAfterCreateSocket
                : AfterCreationAction.SetAfterCreate, crt),
            DescriptorOutput.HandleOrNull => Returned(wrappedSafeHandle ? AfterCreationAction.SetAfterCreate : AfterCreationAction.SetAfterCreateHandle),
            DescriptorOutput.Stream or DescriptorOutput.ReopenedStream => Returned(AfterCreationAction.SetAfterOpenStream),
            DescriptorOutput.ProcessStream => Returned(AfterCreationAction.SetAfterOpenProcessStream),
            DescriptorOutput.TwoOutPointers => Through(context, AfterCreationAction.SetAfterCreateBoth, CrtLibrary.Unnamed, "int*", choice.OutputArgumentIndex, choice.OutputArgumentIndex + 1),
            DescriptorOutput.Pair => Through(context, AfterCreationAction.SetAfterCreatePair, crt, "int*", choice.OutputArgumentIndex),
            DescriptorOutput.OutDescriptor => Through(context, AfterCreationAction.SetAfterCreateOut, crt, "int*", choice.OutputArgumentIndex),
            DescriptorOutput.DuplicatedOnto => Given(AfterCreationAction.SetAfterDuplicateOnto, crt, choice.OutputArgumentIndex),
            DescriptorOutput.ReceivedRightsMessages => Through(context, AfterCreationAction.SetAfterReceiveMessages, crt, "void*", choice.OutputArgumentIndex),
            _ => Through(context, AfterCreationAction.SetAfterReceive, crt, "void*", choice.OutputArgumentIndex),
        };
    }

    public static ClearAfterAction ClearAfter(CallChoice choice, CallSkeleton skeleton) => skeleton == CallSkeleton.AlwaysCloexec
        ? choice.Output == DescriptorOutput.Directory ? ClearAfterAction.ClearAfterOpenDirectory : ClearAfterAction.ClearAfterCreate
        // glibc keeps a stream's 'e' from its earlier open: for cloexec: false the flag is also cleared after freopen.
        : choice.Output == DescriptorOutput.ReopenedStream ? ClearAfterAction.ClearAfterOpenStream : ClearAfterAction.None;

    private static AfterCreationPlan Returned(AfterCreationAction action, CrtLibrary crt = CrtLibrary.Unnamed) =>
        new(action, crt, EquatableArray<OutputPointer>.Empty);

    // A wrapper's own import already has the argument pinned; a wrapper over a raw method pins it for the runtime call.
    private static AfterCreationPlan Through(PlanContext context, AfterCreationAction action, CrtLibrary crt, string pointerType, params int[] outputs)
    {
        var pointers = new OutputPointer[outputs.Length];
        for (int i = 0; i < outputs.Length; i++)
        {
            pointers[i] = new OutputPointer(outputs[i], pointerType, PinHere: context.Wraps);
        }

        return new(action, crt, pointers.ToEquatableArray());
    }

    // A descriptor passed by value is read, never written: nothing to pin.
    private static AfterCreationPlan Given(AfterCreationAction action, CrtLibrary crt, int descriptor) =>
        new(action, crt, new[] { new OutputPointer(descriptor, "int", PinHere: false) }.ToEquatableArray());

    /// <summary>Descriptors of msvcrt.dll are not ucrtbase's: the runtime is told which CRT made them.</summary>
    /// <remarks>The runtime calls of _sopen_s and _dup2 always name their CRT; the others name only msvcrt's.</remarks>
    private static CrtLibrary CrtOf(CallChoice choice) =>
        choice.Resource == NativeResource.MsvcrtDescriptor ? CrtLibrary.Msvcrt
        : choice.Output is DescriptorOutput.OutDescriptor or DescriptorOutput.DuplicatedOnto ? CrtLibrary.Ucrt
        : CrtLibrary.Unnamed;
}
