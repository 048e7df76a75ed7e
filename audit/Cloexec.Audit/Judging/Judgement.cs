namespace Cloexec.Audit.Judging;

/// <summary>The verdict on one flag value, and the parameter it came from when it is the caller's choice.</summary>
internal readonly record struct Judgement(Verdict Verdict, string Reason, int Parameter = -1);
