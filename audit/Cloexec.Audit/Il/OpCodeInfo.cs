using System.Collections.Generic;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;

namespace Cloexec.Audit.Il;

/// <summary>
/// Operand sizes and stack effects of every IL opcode, taken from the framework's own System.Reflection.Emit.OpCodes
/// (System.Reflection.Metadata names opcodes but does not describe them).
/// </summary>
internal static class OpCodeInfo
{
    private static readonly Dictionary<ushort, OpCode> s_byValue = Load();

    public static OpCode Of(ILOpCode code) => s_byValue[(ushort)code];

    public static bool IsKnown(ILOpCode code) => s_byValue.ContainsKey((ushort)code);

    private static Dictionary<ushort, OpCode> Load()
    {
        var table = new Dictionary<ushort, OpCode>();
        foreach (FieldInfo field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (field.GetValue(null) is OpCode code)
            {
                table[(ushort)code.Value] = code;
            }
        }

        return table;
    }

    /// <summary>How many values an opcode of fixed stack effect pops; -1 for the variable ones (calls, ret).</summary>
    public static int Pops(StackBehaviour behaviour) => behaviour switch
    {
        StackBehaviour.Pop0 => 0,
        StackBehaviour.Pop1 or StackBehaviour.Popi or StackBehaviour.Popref => 1,
        StackBehaviour.Pop1_pop1 or StackBehaviour.Popi_pop1 or StackBehaviour.Popi_popi or StackBehaviour.Popi_popi8
            or StackBehaviour.Popi_popr4 or StackBehaviour.Popi_popr8 or StackBehaviour.Popref_pop1 or StackBehaviour.Popref_popi => 2,
        StackBehaviour.Popi_popi_popi or StackBehaviour.Popref_popi_popi or StackBehaviour.Popref_popi_popi8
            or StackBehaviour.Popref_popi_popr4 or StackBehaviour.Popref_popi_popr8 or StackBehaviour.Popref_popi_popref
            or StackBehaviour.Popref_popi_pop1 => 3,
        _ => -1,
    };

    /// <summary>How many values an opcode of fixed stack effect pushes; -1 for the variable ones.</summary>
    public static int Pushes(StackBehaviour behaviour) => behaviour switch
    {
        StackBehaviour.Push0 => 0,
        StackBehaviour.Push1 or StackBehaviour.Pushi or StackBehaviour.Pushi8 or StackBehaviour.Pushr4
            or StackBehaviour.Pushr8 or StackBehaviour.Pushref => 1,
        StackBehaviour.Push1_push1 => 2,
        _ => -1,
    };

    public static int OperandSize(OperandType type) => type switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };
}
