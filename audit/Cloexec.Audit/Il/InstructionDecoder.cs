using System.Collections.Generic;
using System.Reflection.Emit;
using System.Reflection.Metadata;

namespace Cloexec.Audit.Il;

/// <summary>Decodes a method body's IL into instructions.</summary>
internal static class InstructionDecoder
{
    /// <summary>The method tokens of the body's call, callvirt, newobj, ldftn and ldvirtftn instructions, without decoding the rest into objects.</summary>
    public static List<int> CallTokens(BlobReader il)
    {
        var tokens = new List<int>();
        while (il.RemainingBytes > 0)
        {
            int value = il.ReadByte();
            if (value == 0xFE)
            {
                value = 0xFE00 | il.ReadByte();
            }

            var code = (ILOpCode)value;
            if (!OpCodeInfo.IsKnown(code))
            {
                return tokens;
            }

            OperandType operand = OpCodeInfo.Of(code).OperandType;
            if (operand == OperandType.InlineSwitch)
            {
                int targets = il.ReadInt32(); // read before the offset it moves
                il.Offset += 4 * targets;
            }
            else if (code is ILOpCode.Call or ILOpCode.Callvirt or ILOpCode.Newobj or ILOpCode.Ldftn or ILOpCode.Ldvirtftn)
            {
                tokens.Add(il.ReadInt32());
            }
            else
            {
                il.Offset += OpCodeInfo.OperandSize(operand);
            }
        }

        return tokens;
    }

    public static List<Instruction> Decode(BlobReader il)
    {
        var instructions = new List<Instruction>();
        while (il.RemainingBytes > 0)
        {
            int offset = il.Offset;
            int value = il.ReadByte();
            if (value == 0xFE)
            {
                value = 0xFE00 | il.ReadByte();
            }

            var code = (ILOpCode)value;
            if (!OpCodeInfo.IsKnown(code))
            {
                return instructions; // not IL this reader understands: judge what came before
            }

            OpCode opCode = OpCodeInfo.Of(code);
            long operand = 0;
            int[]? targets = null;
            switch (opCode.OperandType)
            {
                case OperandType.InlineSwitch:
                    int count = il.ReadInt32();
                    int[] deltas = new int[count];
                    for (int i = 0; i < count; i++)
                    {
                        deltas[i] = il.ReadInt32();
                    }

                    targets = new int[count];
                    for (int i = 0; i < count; i++)
                    {
                        targets[i] = il.Offset + deltas[i];
                    }

                    break;
                case OperandType.ShortInlineBrTarget:
                    sbyte shortDelta = il.ReadSByte();
                    targets = [il.Offset + shortDelta];
                    break;
                case OperandType.InlineBrTarget:
                    int delta = il.ReadInt32();
                    targets = [il.Offset + delta];
                    break;
                case OperandType.ShortInlineI when code == ILOpCode.Ldc_i4_s:
                    operand = il.ReadSByte();
                    break;
                case OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    operand = il.ReadByte();
                    break;
                case OperandType.InlineVar:
                    operand = il.ReadUInt16();
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    operand = il.ReadInt64();
                    break;
                default:
                    int size = OpCodeInfo.OperandSize(opCode.OperandType);
                    operand = size == 4 ? il.ReadInt32() : 0;
                    break;
            }

            instructions.Add(new Instruction(offset, code, opCode, operand, targets));
        }

        return instructions;
    }
}
