using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using System.Xml.Linq;

namespace TechTies.Tests.Model;

/// <summary>Conventions that hold for the whole public surface of the TechTies assembly.</summary>
public class ConventionTests
{
    private static readonly Assembly Library = typeof(TechTiesGraph).Assembly;

    private static readonly Type[] PublicTypes = [.. Library.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal)];

    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    [Fact]
    public void Every_public_type_and_member_has_xml_documentation()
    {
        var documented = LoadDocumentation();

        var missing = CheckedIds()
            .Where(id => !documented.TryGetValue(id, out var text) || text.Length == 0)
            .ToList();

        Assert.True(PublicTypes.Length > 20, "the assembly should export its model");
        Assert.True(missing.Count == 0, "undocumented: " + string.Join(Environment.NewLine, missing));
    }

    [Fact]
    public void Every_public_model_type_is_immutable()
    {
        var problems = new List<string>();
        foreach (var type in PublicTypes.Where(t => !t.IsEnum && !t.IsInterface && !(t.IsAbstract && t.IsSealed)))
        {
            for (var current = type; current is not null && current.Assembly == Library; current = current.BaseType)
            {
                foreach (var property in current.GetProperties(Declared))
                {
                    if (property.SetMethod is { } setter && IsVisible(setter) && !IsInitOnly(setter))
                    {
                        problems.Add($"{type.Name}.{property.Name} has a public setter");
                    }

                    if (property.GetMethod is { } getter && IsVisible(getter) && IsMutableCollection(property.PropertyType))
                    {
                        problems.Add($"{type.Name}.{property.Name} exposes a mutable {property.PropertyType.Name}");
                    }
                }

                foreach (var field in current.GetFields(Declared).Where(f => (f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly) && !f.IsLiteral && !type.IsEnum))
                {
                    if (!field.IsInitOnly)
                    {
                        problems.Add($"{type.Name}.{field.Name} is a mutable public field");
                    }
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Entities_ties_and_values_are_sealed_or_closed_to_outside_subclasses()
    {
        var open = PublicTypes
            .Where(t => t.IsClass && !t.IsSealed && !(t.IsAbstract && t.IsSealed))
            .Where(t => t.GetConstructors(BindingFlags.Public | BindingFlags.Instance).Length > 0
                || t.GetConstructors(BindingFlags.NonPublic | BindingFlags.Instance).Any(c => c.IsFamily || c.IsFamilyOrAssembly))
            .Select(t => t.Name)
            .ToList();

        Assert.Empty(open);
    }

    [Fact]
    public void The_convention_checks_see_the_types_users_touch_first()
    {
        Assert.Contains(typeof(TechTiesGraph), PublicTypes);
        Assert.Contains(typeof(Tie), PublicTypes);
        Assert.Contains(typeof(PartialDate), PublicTypes);
        Assert.DoesNotContain(PublicTypes, t => t.Namespace?.StartsWith("TechTies.Loading", StringComparison.Ordinal) == true);
        Assert.Equal("T:TechTies.TechTiesGraph", "T:" + TypeId(typeof(TechTiesGraph)));
        Assert.Equal(
            "M:TechTies.TechTiesGraph.Load(TechTies.LoadOptions,System.String[])",
            MemberId(typeof(TechTiesGraph).GetMethod(nameof(TechTiesGraph.Load), [typeof(LoadOptions), typeof(string[])])!));
        Assert.Equal(
            "M:TechTies.TechTiesGraph.EntitiesOf``1",
            MemberId(typeof(TechTiesGraph).GetMethods().Single(m => m.Name == nameof(TechTiesGraph.EntitiesOf) && m.IsGenericMethod)));
        var ids = CheckedIds().ToHashSet(StringComparer.Ordinal);
        Assert.Superset(
            new HashSet<string>(StringComparer.Ordinal)
            {
                "P:TechTies.Tie.Since",
                "M:TechTies.Money.Parse(System.String)",
                "M:TechTies.PartialDate.TryParse(System.String,TechTies.PartialDate@)",
                "M:TechTies.PartialDate.op_LessThan(TechTies.PartialDate,TechTies.PartialDate)",
                "F:TechTies.DiagnosticCodes.InvalidUtf8",
                "F:TechTies.Kind.Company",
                "P:TechTies.TechTiesGraph.Item(System.String)",
                "M:TechTies.GraphLoadException.#ctor(System.Collections.Generic.IEnumerable{TechTies.Diagnostic})",
            },
            ids);
        Assert.True(IsInitOnly(typeof(Tie).GetProperty(nameof(Tie.Since))!.SetMethod!));
    }

    private static IEnumerable<string> CheckedIds() =>
        PublicTypes.SelectMany(t => new[] { "T:" + TypeId(t) }.Concat(VisibleMembers(t).Select(MemberId).OfType<string>()));

    private static Dictionary<string, string> LoadDocumentation()
    {
        var path = Path.ChangeExtension(Library.Location, ".xml");
        Assert.True(File.Exists(path), $"no XML documentation next to {Library.Location}");
        return XDocument.Load(path).Descendants("member")
            .GroupBy(m => (string)m.Attribute("name")!)
            .ToDictionary(g => g.Key, g => g.First().Elements().Any(e => e.Name == "inheritdoc") ? "inheritdoc" : g.First().Value.Trim(), StringComparer.Ordinal);
    }

    private static IEnumerable<MemberInfo> VisibleMembers(Type type) =>
        type.GetMembers(Declared).Where(m => m switch
        {
            _ when m.IsDefined(typeof(CompilerGeneratedAttribute)) => false,
            Type => false,
            // A parameterless constructor is the one the compiler adds to a class without constructors.
            ConstructorInfo c => IsVisible(c) && c.GetParameters().Length > 0,
            MethodInfo method => IsVisible(method) && (!method.IsSpecialName || method.Name.StartsWith("op_", StringComparison.Ordinal)) && !IsExplicitImplementation(method),
            PropertyInfo p => (p.GetMethod is { } g && IsVisible(g)) || (p.SetMethod is { } s && IsVisible(s)),
            FieldInfo f => (f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly) && !f.IsSpecialName,
            EventInfo e => e.AddMethod is { } add && IsVisible(add),
            _ => false,
        });

    private static bool IsVisible(MethodBase method) => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly;

    private static bool IsExplicitImplementation(MethodInfo method) => method.IsPrivate || method.Name.Contains('.', StringComparison.Ordinal);

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.FullName == "System.Runtime.CompilerServices.IsExternalInit");

    private static bool IsMutableCollection(Type type) =>
        type.IsArray
        || (type.IsGenericType && type.GetGenericTypeDefinition() is var d
            && (d == typeof(List<>) || d == typeof(Dictionary<,>) || d == typeof(HashSet<>) || d == typeof(ICollection<>) || d == typeof(IList<>) || d == typeof(IDictionary<,>) || d == typeof(ISet<>)));

    // Documentation comment ids as the C# compiler writes them (ECMA-334 annex D).
    private static string? MemberId(MemberInfo member) => member switch
    {
        ConstructorInfo c => $"M:{TypeId(c.DeclaringType!)}.{(c.IsStatic ? "#cctor" : "#ctor")}{Parameters(c)}",
        MethodInfo m when m.Name is "op_Implicit" or "op_Explicit" => $"M:{TypeId(m.DeclaringType!)}.{m.Name}{Parameters(m)}~{TypeRef(m.ReturnType)}",
        MethodInfo m => $"M:{TypeId(m.DeclaringType!)}.{m.Name}{(m.IsGenericMethod ? "``" + m.GetGenericArguments().Length : string.Empty)}{Parameters(m)}",
        PropertyInfo p => $"P:{TypeId(p.DeclaringType!)}.{p.Name}{(p.GetIndexParameters().Length > 0 ? "(" + string.Join(",", p.GetIndexParameters().Select(x => TypeRef(x.ParameterType))) + ")" : string.Empty)}",
        FieldInfo f => $"F:{TypeId(f.DeclaringType!)}.{f.Name}",
        EventInfo e => $"E:{TypeId(e.DeclaringType!)}.{e.Name}",
        _ => null,
    };

    private static string Parameters(MethodBase method)
    {
        var parameters = method.GetParameters();
        return parameters.Length == 0 ? string.Empty : "(" + string.Join(",", parameters.Select(p => TypeRef(p.ParameterType))) + ")";
    }

    private static string TypeId(Type type) =>
        type.IsNested ? TypeId(type.DeclaringType!) + "." + type.Name : (type.Namespace is null ? string.Empty : type.Namespace + ".") + type.Name;

    private static string TypeRef(Type type)
    {
        if (type.IsByRef)
        {
            return TypeRef(type.GetElementType()!) + "@";
        }

        if (type.IsArray)
        {
            return TypeRef(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        }

        if (type.IsGenericParameter)
        {
            return (type.DeclaringMethod is null ? "`" : "``") + type.GenericParameterPosition;
        }

        var name = new StringBuilder(type.IsNested ? TypeRef(type.DeclaringType!) + "." : type.Namespace + ".");
        var tick = type.Name.IndexOf('`', StringComparison.Ordinal);
        name.Append(tick < 0 ? type.Name : type.Name[..tick]);
        if (type.IsGenericType)
        {
            name.Append('{').Append(string.Join(",", type.GetGenericArguments().Select(TypeRef))).Append('}');
        }

        return name.ToString();
    }
}
