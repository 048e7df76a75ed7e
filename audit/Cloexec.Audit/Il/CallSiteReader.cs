using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace Cloexec.Audit.Il;

/// <summary>
/// Reads a method's IL with a small abstract interpreter and reports its calls to methods of the same assembly with
/// what is known of each argument: a constant, a string literal, one of the method's own parameters (or-ed with
/// constant bits), or nothing.
/// </summary>
/// <remarks>
/// Straight-line evaluation; where control flow joins, values that differ become unknown. A local counts only when it
/// is written once and its address never taken, a parameter only when never written: anything else is unknown, never
/// guessed.
/// </remarks>
internal sealed class CallSiteReader
{
    private readonly MetadataReader _reader;
    private readonly MethodDefinitionHandle _method;
    private readonly List<Instruction> _instructions;
    private readonly Dictionary<long, StackValue> _locals = [];
    private readonly HashSet<long> _unstableLocals;
    private readonly HashSet<long> _writtenParameters;
    private readonly bool _isInstance;
    private readonly Dictionary<int, StackValue[]> _atTargets = [];
    private readonly Dictionary<int, int> _handlerStarts = [];
    private readonly IReadOnlyDictionary<FieldDefinitionHandle, long> _staticConstants;

    private CallSiteReader(MetadataReader reader, MethodDefinitionHandle method, MethodBodyBlock body, IReadOnlyDictionary<FieldDefinitionHandle, long> staticConstants)
    {
        _reader = reader;
        _staticConstants = staticConstants;
        _method = method;
        _instructions = InstructionDecoder.Decode(body.GetILReader());
        _isInstance = (reader.GetMethodDefinition(method).Attributes & MethodAttributes.Static) == 0;
        _unstableLocals = Unstable(_instructions, IsLocalStore, IsLocalAddress);
        _writtenParameters = Unstable(_instructions, _ => false, code => code is ILOpCode.Starg or ILOpCode.Starg_s or ILOpCode.Ldarga or ILOpCode.Ldarga_s);
        foreach (ExceptionRegion region in body.ExceptionRegions)
        {
            _handlerStarts[region.HandlerOffset] = region.Kind is ExceptionRegionKind.Catch or ExceptionRegionKind.Filter ? 1 : 0;
            if (region.Kind == ExceptionRegionKind.Filter)
            {
                _handlerStarts[region.FilterOffset] = 1;
            }
        }
    }

    public static IEnumerable<CallSite> Read(
        MetadataReader reader, MethodDefinitionHandle method, MethodBodyBlock body, IReadOnlyDictionary<FieldDefinitionHandle, long> staticConstants) =>
        new CallSiteReader(reader, method, body, staticConstants).Run();

    private List<CallSite> Run()
    {
        var sites = new List<CallSite>();
        var stack = new List<StackValue>();
        bool fallsThrough = true;
        foreach (Instruction instruction in _instructions)
        {
            stack = Entering(instruction.Offset, stack, fallsThrough);
            fallsThrough = Execute(instruction, stack, sites);
            if (instruction.Targets is { } targets)
            {
                foreach (int target in targets)
                {
                    Remember(target, stack);
                }
            }
        }

        return sites;
    }

    private List<StackValue> Entering(int offset, List<StackValue> stack, bool fallsThrough)
    {
        if (_handlerStarts.TryGetValue(offset, out int depth))
        {
            return Enumerable.Repeat(StackValue.Unknown, depth).ToList();
        }

        bool jumpedTo = _atTargets.TryGetValue(offset, out StackValue[]? saved);
        if (!fallsThrough)
        {
            return saved?.ToList() ?? [];
        }

        return jumpedTo ? Merge(stack, saved!).ToList() : stack;
    }

    private void Remember(int target, List<StackValue> stack) =>
        _atTargets[target] = _atTargets.TryGetValue(target, out StackValue[]? saved) ? Merge(stack, saved) : [.. stack];

    private static StackValue[] Merge(List<StackValue> one, StackValue[] other) =>
        one.Count != other.Length
            ? Enumerable.Repeat(StackValue.Unknown, one.Count).ToArray()
            : one.Zip(other, (a, b) => a == b ? a : StackValue.Unknown).ToArray();

    /// <summary>Applies one instruction; returns whether control can fall through to the next.</summary>
    private bool Execute(Instruction instruction, List<StackValue> stack, List<CallSite> sites)
    {
        ILOpCode code = instruction.Code;
        switch (code)
        {
            case ILOpCode.Ldc_i4_m1: Push(stack, StackValue.Of(-1)); return true;
            case >= ILOpCode.Ldc_i4_0 and <= ILOpCode.Ldc_i4_8: Push(stack, StackValue.Of(code - ILOpCode.Ldc_i4_0)); return true;
            case ILOpCode.Ldc_i4_s or ILOpCode.Ldc_i4 or ILOpCode.Ldc_i8: Push(stack, StackValue.Of(instruction.Operand)); return true;
            case ILOpCode.Ldnull: Push(stack, StackValue.Of(0)); return true;
            case ILOpCode.Ldstr: Push(stack, StackValue.OfText(_reader.GetUserString(MetadataTokens.UserStringHandle((int)instruction.Operand)))); return true;
            case >= ILOpCode.Ldarg_0 and <= ILOpCode.Ldarg_3: Push(stack, Argument(code - ILOpCode.Ldarg_0)); return true;
            case ILOpCode.Ldarg_s or ILOpCode.Ldarg: Push(stack, Argument((int)instruction.Operand)); return true;
            case >= ILOpCode.Ldloc_0 and <= ILOpCode.Ldloc_3: Push(stack, Local(code - ILOpCode.Ldloc_0)); return true;
            case ILOpCode.Ldloc_s or ILOpCode.Ldloc: Push(stack, Local(instruction.Operand)); return true;
            case >= ILOpCode.Stloc_0 and <= ILOpCode.Stloc_3: _locals[code - ILOpCode.Stloc_0] = Pop(stack); return true;
            case ILOpCode.Stloc_s or ILOpCode.Stloc: _locals[instruction.Operand] = Pop(stack); return true;
            case ILOpCode.Dup: StackValue top = Pop(stack); Push(stack, top); Push(stack, top); return true;
            case ILOpCode.Or: Push(stack, Pop(stack).Or(Pop(stack))); return true;
            case ILOpCode.And: Push(stack, Pop(stack).And(Pop(stack))); return true;
            case ILOpCode.Add: Push(stack, Pop(stack).Add(Pop(stack))); return true;
            case ILOpCode.Not: StackValue operand = Pop(stack); Push(stack, operand.Kind == ValueKind.Constant ? StackValue.Of(~operand.Bits) : StackValue.Unknown); return true;
            case ILOpCode.Conv_i or ILOpCode.Conv_u or ILOpCode.Conv_i4 or ILOpCode.Conv_u4 or ILOpCode.Conv_i8 or ILOpCode.Conv_u8
                or ILOpCode.Conv_ovf_i or ILOpCode.Conv_ovf_u or ILOpCode.Conv_ovf_i4 or ILOpCode.Conv_ovf_u4 or ILOpCode.Conv_ovf_i8 or ILOpCode.Conv_ovf_u8:
                return true; // the value stays what it was (the flag bits are low)
            case ILOpCode.Ldsfld: Push(stack, StaticField(instruction.Operand)); return true;
            case ILOpCode.Call or ILOpCode.Callvirt or ILOpCode.Newobj or ILOpCode.Calli:
                Call(instruction, stack, sites);
                return true;
            case ILOpCode.Br or ILOpCode.Br_s:
                return false; // the stack travels to the target, remembered by Run
            case ILOpCode.Ret or ILOpCode.Throw or ILOpCode.Rethrow or ILOpCode.Leave or ILOpCode.Leave_s
                or ILOpCode.Endfinally or ILOpCode.Endfilter or ILOpCode.Jmp:
                stack.Clear();
                return false;
            default:
                Generic(instruction.OpCode, stack);
                return true;
        }
    }

    private void Call(Instruction instruction, List<StackValue> stack, List<CallSite> sites)
    {
        EntityHandle callee = CallShape.Token((int)instruction.Operand);
        CallShape shape = CallShape.Of(_reader, callee, instruction.Code == ILOpCode.Newobj);
        int taken = shape.Arguments + (instruction.Code == ILOpCode.Calli ? 1 : 0);
        var arguments = new StackValue[shape.Arguments];
        for (int i = taken - 1; i >= 0; i--)
        {
            StackValue value = Pop(stack);
            if (i < arguments.Length)
            {
                arguments[i] = value;
            }
        }

        MethodDefinitionHandle target = instruction.Code == ILOpCode.Calli ? default : CallShape.Target(_reader, callee);
        if (!target.IsNil && instruction.Code != ILOpCode.Newobj)
        {
            sites.Add(new CallSite(_method, target, instruction.Offset, arguments));
        }

        if (shape.ReturnsValue)
        {
            // A value that only went through a conversion (NativeConvert.FromOpenFlags(flags)) is still the caller's.
            bool converted = arguments.Length == 1 && arguments[0].Kind == ValueKind.Parameter && instruction.Code != ILOpCode.Newobj;
            Push(stack, converted ? arguments[0] with { Bits = 0 } : StackValue.Unknown);
        }
    }

    private static void Generic(OpCode opCode, List<StackValue> stack)
    {
        int pops = OpCodeInfo.Pops(opCode.StackBehaviourPop);
        int pushes = OpCodeInfo.Pushes(opCode.StackBehaviourPush);
        if (pops < 0)
        {
            stack.Clear();
            pops = 0;
        }

        for (int i = 0; i < pops; i++)
        {
            Pop(stack);
        }

        for (int i = 0; i < pushes; i++)
        {
            Push(stack, StackValue.Unknown);
        }
    }

    private StackValue Argument(int index)
    {
        if (_writtenParameters.Contains(index))
        {
            return StackValue.Unknown;
        }

        int parameter = _isInstance ? index - 1 : index;
        return parameter < 0 ? StackValue.Unknown : StackValue.OfParameter(parameter);
    }

    private StackValue Local(long index) =>
        !_unstableLocals.Contains(index) && _locals.TryGetValue(index, out StackValue value) ? value : StackValue.Unknown;

    private StackValue StaticField(long token)
    {
        EntityHandle handle = CallShape.Token((int)token);
        if (handle.Kind == HandleKind.FieldDefinition && _staticConstants.TryGetValue((FieldDefinitionHandle)handle, out long value))
        {
            return StackValue.Of(value);
        }

        return IsNativeZero(handle) ? StackValue.Of(0) : StackValue.Unknown;
    }

    private bool IsNativeZero(EntityHandle handle)
    {
        if (handle.Kind != HandleKind.MemberReference)
        {
            return false;
        }

        MemberReference field = _reader.GetMemberReference((MemberReferenceHandle)handle);
        if (!_reader.StringComparer.Equals(field.Name, "Zero") || field.Parent.Kind != HandleKind.TypeReference)
        {
            return false;
        }

        TypeReference type = _reader.GetTypeReference((TypeReferenceHandle)field.Parent);
        return _reader.StringComparer.Equals(type.Namespace, "System")
            && (_reader.StringComparer.Equals(type.Name, "IntPtr") || _reader.StringComparer.Equals(type.Name, "UIntPtr"));
    }

    private static void Push(List<StackValue> stack, StackValue value) => stack.Add(value);

    private static StackValue Pop(List<StackValue> stack)
    {
        if (stack.Count == 0)
        {
            return StackValue.Unknown; // a join this reader did not follow: nothing is known
        }

        StackValue value = stack[^1];
        stack.RemoveAt(stack.Count - 1);
        return value;
    }

    private static bool IsLocalStore(ILOpCode code) => code is >= ILOpCode.Stloc_0 and <= ILOpCode.Stloc_3 or ILOpCode.Stloc_s or ILOpCode.Stloc;

    private static bool IsLocalAddress(ILOpCode code) => code is ILOpCode.Ldloca or ILOpCode.Ldloca_s;

    /// <summary>The locals (or parameters) written more than once, or whose address is taken.</summary>
    private static HashSet<long> Unstable(List<Instruction> instructions, System.Func<ILOpCode, bool> isStore, System.Func<ILOpCode, bool> isEscape)
    {
        var stores = new Dictionary<long, int>();
        var unstable = new HashSet<long>();
        foreach (Instruction instruction in instructions)
        {
            long index = instruction.Code switch
            {
                >= ILOpCode.Stloc_0 and <= ILOpCode.Stloc_3 => instruction.Code - ILOpCode.Stloc_0,
                _ => instruction.Operand,
            };
            if (isEscape(instruction.Code))
            {
                unstable.Add(instruction.Operand);
            }
            else if (isStore(instruction.Code) && (stores[index] = stores.GetValueOrDefault(index) + 1) > 1)
            {
                unstable.Add(index);
            }
        }

        return unstable;
    }
}
