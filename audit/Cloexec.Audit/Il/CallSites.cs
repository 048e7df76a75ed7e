using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Cloexec.Audit.Il;

/// <summary>
/// The calls to a method of the assembly, read on demand: a cheap first pass over every body notes which methods
/// call which, and only the callers of a method the judge asks about are interpreted (a large assembly has a few
/// creator calls among hundreds of thousands of others).
/// </summary>
internal sealed class CallSites
{
    private readonly PEReader _pe;
    private readonly MetadataReader _reader;
    private readonly Dictionary<MethodDefinitionHandle, List<MethodDefinitionHandle>> _callers = [];
    private readonly Dictionary<MethodDefinitionHandle, List<CallSite>> _interpreted = [];
    private readonly Dictionary<FieldDefinitionHandle, long> _staticConstants;

    public CallSites(PEReader pe, MetadataReader reader)
    {
        _pe = pe;
        _reader = reader;
        _staticConstants = StaticConstants.Find(reader, pe.GetMethodBody);
        foreach (MethodDefinitionHandle handle in reader.MethodDefinitions)
        {
            if (BodyOf(handle) is not { } body)
            {
                continue;
            }

            foreach (int token in InstructionDecoder.CallTokens(body.GetILReader()).Distinct())
            {
                MethodDefinitionHandle callee = CallShape.Target(reader, MetadataTokens.EntityHandle(token));
                if (!callee.IsNil)
                {
                    (_callers.TryGetValue(callee, out List<MethodDefinitionHandle>? list) ? list : _callers[callee] = []).Add(handle);
                }
            }
        }
    }

    public bool HasCallers(MethodDefinitionHandle callee) => _callers.ContainsKey(callee);

    /// <summary>Every call to <paramref name="callee"/> in the assembly, with what is known of its arguments.</summary>
    public IEnumerable<CallSite> To(MethodDefinitionHandle callee) =>
        _callers.TryGetValue(callee, out List<MethodDefinitionHandle>? callers)
            ? callers.SelectMany(Interpreted).Where(s => s.Callee == callee)
            : [];

    private List<CallSite> Interpreted(MethodDefinitionHandle caller)
    {
        if (!_interpreted.TryGetValue(caller, out List<CallSite>? sites))
        {
            sites = [.. CallSiteReader.Read(_reader, caller, BodyOf(caller)!, _staticConstants)];
            _interpreted[caller] = sites;
        }

        return sites;
    }

    private MethodBodyBlock? BodyOf(MethodDefinitionHandle handle)
    {
        MethodDefinition method = _reader.GetMethodDefinition(handle);
        return method.RelativeVirtualAddress == 0 || (method.ImplAttributes & MethodImplAttributes.CodeTypeMask) != MethodImplAttributes.IL
            ? null
            : _pe.GetMethodBody(method.RelativeVirtualAddress);
    }
}
