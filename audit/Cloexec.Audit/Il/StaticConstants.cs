using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace Cloexec.Audit.Il;

/// <summary>
/// The <c>static readonly</c> fields a type initializer sets only from constants, as one value: the constants or-ed
/// together. Libraries pick a flag per OS that way (<c>MSG_CMSG_CLOEXEC = IsMacOS ? 0 : 0x40000000</c>): the value has
/// the bit exactly when some OS's branch sets it.
/// </summary>
internal static class StaticConstants
{
    public static Dictionary<FieldDefinitionHandle, long> Find(MetadataReader reader, System.Func<int, MethodBodyBlock> bodyAt)
    {
        var values = new Dictionary<FieldDefinitionHandle, long>();
        var computed = new HashSet<FieldDefinitionHandle>();
        foreach (TypeDefinitionHandle typeHandle in reader.TypeDefinitions)
        {
            foreach (MethodDefinitionHandle methodHandle in reader.GetTypeDefinition(typeHandle).GetMethods())
            {
                MethodDefinition method = reader.GetMethodDefinition(methodHandle);
                if (method.RelativeVirtualAddress == 0 || !reader.StringComparer.Equals(method.Name, ".cctor"))
                {
                    continue;
                }

                List<Instruction> instructions = InstructionDecoder.Decode(bodyAt(method.RelativeVirtualAddress).GetILReader());
                var jumpedInto = new Dictionary<int, List<long>>();
                for (int i = 1; i < instructions.Count; i++)
                {
                    // `c ? a : b` compiles to `ldc a; br join; ldc b; join: stsfld`: a constant jumping to a store counts too.
                    if (instructions[i].Code is ILOpCode.Br or ILOpCode.Br_s && ConstantOf(instructions[i - 1]) is { } jumped)
                    {
                        int target = instructions[i].Targets![0];
                        (jumpedInto.TryGetValue(target, out List<long>? list) ? list : jumpedInto[target] = []).Add(jumped);
                    }
                }

                for (int i = 0; i < instructions.Count; i++)
                {
                    Instruction instruction = instructions[i];
                    if (instruction.Code != ILOpCode.Stsfld || MetadataTokens.EntityHandle((int)instruction.Operand) is not { Kind: HandleKind.FieldDefinition } field)
                    {
                        continue;
                    }

                    var handle = (FieldDefinitionHandle)field;
                    long? fallingIn = i > 0 ? ConstantOf(instructions[i - 1]) : null;
                    if (fallingIn is null || (reader.GetFieldDefinition(handle).Attributes & FieldAttributes.InitOnly) == 0)
                    {
                        computed.Add(handle);
                        continue;
                    }

                    long value = values.GetValueOrDefault(handle) | fallingIn.Value;
                    foreach (long jumped in jumpedInto.GetValueOrDefault(instruction.Offset) ?? [])
                    {
                        value |= jumped;
                    }

                    values[handle] = value;
                }
            }
        }

        foreach (FieldDefinitionHandle field in computed)
        {
            values.Remove(field);
        }

        return values;
    }

    private static long? ConstantOf(Instruction instruction) => instruction.Code switch
    {
        ILOpCode.Ldc_i4_m1 => -1,
        >= ILOpCode.Ldc_i4_0 and <= ILOpCode.Ldc_i4_8 => instruction.Code - ILOpCode.Ldc_i4_0,
        ILOpCode.Ldc_i4_s or ILOpCode.Ldc_i4 or ILOpCode.Ldc_i8 => instruction.Operand,
        _ => null,
    };
}
