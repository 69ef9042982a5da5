using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace TechTies;

/// <summary>
/// The source-generated System.Text.Json metadata of the public model, for apps that serialize TechTies types with
/// their own code, trimmed and AOT apps included: <c>JsonSerializer.Serialize(tie, TechTiesJsonContext.Default.Tie)</c>,
/// or add <see cref="Default"/> to an app's <c>JsonSerializerOptions.TypeInfoResolverChain</c>.
/// </summary>
/// <remarks>
/// Entities carry a <c>kind</c> discriminator (<c>company</c>, <c>contract</c>…); ties give their ends, type and
/// contract as ids; dates and money are strings that keep their precision; enums are their names. Names are camelCase
/// and <see langword="null"/> members are left out. This is the shape of the objects, not the canonical graph format:
/// for that, export <see cref="ExportFormat.Json"/> (<c>docs/json.md</c>).
/// </remarks>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(Entity))]
[JsonSerializable(typeof(Tie))]
[JsonSerializable(typeof(ImmutableArray<Entity>))]
[JsonSerializable(typeof(ImmutableArray<Tie>))]
[JsonSerializable(typeof(List<Entity>))]
[JsonSerializable(typeof(List<Tie>))]
[JsonSerializable(typeof(Citation))]
[JsonSerializable(typeof(FieldClaims))]
[JsonSerializable(typeof(RelationshipType))]
[JsonSerializable(typeof(DatasetInfo))]
[JsonSerializable(typeof(Diagnostic))]
[JsonSerializable(typeof(ImmutableArray<Diagnostic>))]
[JsonSerializable(typeof(PartialDate))]
[JsonSerializable(typeof(Money))]
public sealed partial class TechTiesJsonContext : JsonSerializerContext
{
}
