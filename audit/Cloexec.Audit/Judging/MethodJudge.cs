using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using Cloexec.Audit.Il;
using Cloexec.Audit.Metadata;

namespace Cloexec.Audit.Judging;

/// <summary>
/// Judges every call to a creator import, and follows a flag that comes from a parameter of a method the assembly
/// keeps to itself one step up, to the calls of that method.
/// </summary>
internal sealed class MethodJudge(MetadataReader reader, Dictionary<MethodDefinitionHandle, CreatorImport> imports, CallSites sites)
{
    /// <summary>The wrappers this project's generator writes are close-on-exec by construction.</summary>
    private const string GeneratorName = "Cloexec.Generators";

    private const int MaxSteps = 4;

    public List<Finding> Findings()
    {
        var findings = new List<Finding>();
        foreach ((CallSite site, CreatorImport import) in imports.Values.SelectMany(i => sites.To(i.Method).Select(s => (s, i))))
        {
            if (IsGeneratedWrapper(site.Caller))
            {
                continue;
            }

            Judgement judgement = FlagJudge.Judge(import, FlagJudge.FlagValue(import, site.Arguments));
            findings.AddRange(Up(import, site, judgement, via: null, steps: 0));
        }

        foreach (CreatorImport import in imports.Values.Where(i => i.IsPublic))
        {
            Judgement exposed = FlagJudge.Judge(import, StackValue.OfParameter(import.Creator.FlagArgument));
            findings.Add(new Finding(
                exposed.Verdict, import.Creator.Name, import.Name, import.Library, null, null,
                "public import: " + exposed.Reason, exposed.Verdict == Verdict.CallersChoice ? import.Name : null));
        }

        return findings;
    }

    /// <summary>
    /// A flag from a parameter of a method the assembly keeps to itself is followed to that method's calls, through
    /// at most <see cref="MaxSteps"/> such methods; a public method (or one nobody calls) is where callers decide.
    /// </summary>
    private IEnumerable<Finding> Up(CreatorImport import, CallSite site, Judgement judgement, string? via, int steps)
    {
        MethodDefinitionHandle caller = site.Caller;
        if (judgement.Verdict == Verdict.CallersChoice && !MethodNames.IsVisibleOutside(reader, caller) && !sites.HasCallers(caller))
        {
            // Private, and nothing calls it: no caller makes the choice (short of reflection).
            yield return At(import, site, new(Verdict.Safe, judgement.Reason + " of a method nothing in the assembly calls")) with { Via = via };
            yield break;
        }

        if (judgement.Verdict != Verdict.CallersChoice || steps == MaxSteps || MethodNames.IsVisibleOutside(reader, caller))
        {
            yield return At(import, site, judgement) with { Via = via };
            yield break;
        }

        int argument = judgement.Parameter + (IsInstance(caller) ? 1 : 0);
        string callerName = MethodNames.Of(reader, caller);
        List<CallSite> uppers = [.. sites.To(caller).Where(s => s.Caller != caller)];
        if (uppers.Count == 0)
        {
            // Only taken as a delegate (ldftn), or only calls itself: its callers decide, out of the IL's sight.
            yield return At(import, site, judgement) with { Via = via };
            yield break;
        }

        foreach (CallSite upper in uppers)
        {
            StackValue value = argument < upper.Arguments.Count ? upper.Arguments[argument] : StackValue.Unknown;
            foreach (Finding finding in Up(import, upper, FlagJudge.Judge(import, value), via ?? callerName, steps + 1))
            {
                yield return finding;
            }
        }
    }

    private Finding At(CreatorImport import, CallSite site, Judgement judgement)
    {
        string caller = MethodNames.Of(reader, site.Caller);
        return new Finding(
            judgement.Verdict, import.Creator.Name, import.Name, import.Library, caller, site.Offset, judgement.Reason,
            judgement.Verdict == Verdict.CallersChoice ? caller : null);
    }

    private bool IsInstance(MethodDefinitionHandle method) => (reader.GetMethodDefinition(method).Attributes & MethodAttributes.Static) == 0;

    /// <summary>Whether the method carries [GeneratedCode("Cloexec.Generators", ...)].</summary>
    private bool IsGeneratedWrapper(MethodDefinitionHandle method)
    {
        foreach (CustomAttributeHandle handle in reader.GetMethodDefinition(method).GetCustomAttributes())
        {
            CustomAttribute attribute = reader.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference
                || reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent is not { Kind: HandleKind.TypeReference } parent
                || !reader.StringComparer.Equals(reader.GetTypeReference((TypeReferenceHandle)parent).Name, "GeneratedCodeAttribute"))
            {
                continue;
            }

            BlobReader value = reader.GetBlobReader(attribute.Value);
            if (value.ReadUInt16() == 1 && value.ReadSerializedString() == GeneratorName)
            {
                return true;
            }
        }

        return false;
    }
}
