using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace Cloexec.Audit.Il;

/// <summary>What a call does to the stack: how many arguments it takes (with <c>this</c>) and whether it returns a value.</summary>
internal readonly record struct CallShape(int Arguments, bool ReturnsValue)
{
    public static CallShape Of(MetadataReader reader, EntityHandle callee, bool isNewObject)
    {
        BlobHandle signature = callee.Kind switch
        {
            HandleKind.MethodDefinition => reader.GetMethodDefinition((MethodDefinitionHandle)callee).Signature,
            HandleKind.MemberReference => reader.GetMemberReference((MemberReferenceHandle)callee).Signature,
            HandleKind.MethodSpecification => SignatureOf(reader, reader.GetMethodSpecification((MethodSpecificationHandle)callee).Method),
            HandleKind.StandaloneSignature => reader.GetStandaloneSignature((StandaloneSignatureHandle)callee).Signature,
            _ => default,
        };
        if (signature.IsNil)
        {
            return new CallShape(0, false);
        }

        BlobReader blob = reader.GetBlobReader(signature);
        SignatureHeader header = blob.ReadSignatureHeader();
        if (header.IsGeneric)
        {
            blob.ReadCompressedInteger();
        }

        int parameters = blob.ReadCompressedInteger();
        bool returnsValue = !ReturnsVoid(ref blob);
        if (isNewObject)
        {
            // newobj pops the constructor's arguments and pushes the new object.
            return new CallShape(parameters, true);
        }

        return new CallShape(parameters + (header.IsInstance ? 1 : 0), returnsValue);
    }

    private static BlobHandle SignatureOf(MetadataReader reader, EntityHandle method) => method.Kind == HandleKind.MethodDefinition
        ? reader.GetMethodDefinition((MethodDefinitionHandle)method).Signature
        : reader.GetMemberReference((MemberReferenceHandle)method).Signature;

    private static bool ReturnsVoid(ref BlobReader blob)
    {
        while (true)
        {
            SignatureTypeCode code = blob.ReadSignatureTypeCode();
            if (code is SignatureTypeCode.RequiredModifier or SignatureTypeCode.OptionalModifier)
            {
                blob.ReadTypeHandle();
                continue;
            }

            return code == SignatureTypeCode.Void;
        }
    }

    /// <summary>The method definition a call token names in this assembly, or a nil handle for a method of another.</summary>
    public static MethodDefinitionHandle Target(MetadataReader reader, EntityHandle callee) => callee.Kind switch
    {
        HandleKind.MethodDefinition => (MethodDefinitionHandle)callee,
        HandleKind.MethodSpecification when reader.GetMethodSpecification((MethodSpecificationHandle)callee).Method is { Kind: HandleKind.MethodDefinition } definition
            => (MethodDefinitionHandle)definition,
        _ => default,
    };

    public static EntityHandle Token(int token) => MetadataTokens.EntityHandle(token);
}
