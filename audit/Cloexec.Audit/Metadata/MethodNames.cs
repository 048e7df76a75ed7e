using System.Reflection;
using System.Reflection.Metadata;

namespace Cloexec.Audit.Metadata;

/// <summary>Names and visibility of an assembly's own methods, as a report shows them.</summary>
internal static class MethodNames
{
    public static string Of(MetadataReader reader, MethodDefinitionHandle handle)
    {
        MethodDefinition method = reader.GetMethodDefinition(handle);
        return TypeName(reader, method.GetDeclaringType()) + "." + reader.GetString(method.Name);
    }

    public static string TypeName(MetadataReader reader, TypeDefinitionHandle handle)
    {
        TypeDefinition type = reader.GetTypeDefinition(handle);
        string name = reader.GetString(type.Name);
        TypeDefinitionHandle outer = type.GetDeclaringType();
        if (!outer.IsNil)
        {
            return TypeName(reader, outer) + "+" + name;
        }

        string ns = reader.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    /// <summary>Whether code in another assembly can call the method: public or protected, in types that are all public.</summary>
    public static bool IsVisibleOutside(MetadataReader reader, MethodDefinitionHandle handle)
    {
        MethodDefinition method = reader.GetMethodDefinition(handle);
        MethodAttributes access = method.Attributes & MethodAttributes.MemberAccessMask;
        if (access is not (MethodAttributes.Public or MethodAttributes.Family or MethodAttributes.FamORAssem))
        {
            return false;
        }

        for (TypeDefinitionHandle type = method.GetDeclaringType(); !type.IsNil; type = reader.GetTypeDefinition(type).GetDeclaringType())
        {
            TypeAttributes visibility = reader.GetTypeDefinition(type).Attributes & TypeAttributes.VisibilityMask;
            if (visibility is not (TypeAttributes.Public or TypeAttributes.NestedPublic or TypeAttributes.NestedFamily or TypeAttributes.NestedFamORAssem))
            {
                return false;
            }
        }

        return true;
    }
}
