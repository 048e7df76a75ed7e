using System.Collections.Generic;
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

                long? pending = null;
                foreach (Instruction instruction in InstructionDecoder.Decode(bodyAt(method.RelativeVirtualAddress).GetILReader()))
                {
                    if (instruction.Code == ILOpCode.Stsfld && MetadataTokens.EntityHandle((int)instruction.Operand) is { Kind: HandleKind.FieldDefinition } field)
                    {
                        var handle = (FieldDefinitionHandle)field;
                        if (pending is { } constant && (reader.GetFieldDefinition(handle).Attributes & FieldAttributes.InitOnly) != 0)
                        {
                            values[handle] = values.GetValueOrDefault(handle) | constant;
                        }
                        else
                        {
                            computed.Add(handle);
                        }
                    }

                    pending = ConstantOf(instruction);
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
