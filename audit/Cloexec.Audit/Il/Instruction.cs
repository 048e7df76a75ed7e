using System.Reflection.Emit;
using System.Reflection.Metadata;

namespace Cloexec.Audit.Il;

/// <summary>One decoded IL instruction: its operand as an integer (a token, an index, a constant or a branch target).</summary>
/// <param name="Targets">For a branch or switch: the offsets it may jump to.</param>
internal readonly record struct Instruction(int Offset, ILOpCode Code, OpCode OpCode, long Operand, int[]? Targets);
