using System.Text.Json;
using System.Text.Json.Serialization;

namespace TechTies.Serialization;

/// <summary>Reads and writes a <see cref="PartialDate"/> as its text, such as <c>"2018-07"</c>, so its precision is kept.</summary>
public sealed class PartialDateJsonConverter : JsonConverter<PartialDate>
{
    /// <inheritdoc/>
    public override PartialDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return PartialDate.TryParse(text, out var date) ? date : throw new JsonException($"'{text}' is not a partial date such as 2018, 2018-07 or 2018-07-31.");
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, PartialDate value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}

/// <summary>Reads and writes <see cref="Money"/> as its canonical text, such as <c>"USD 39340900.82"</c>, never as a float.</summary>
public sealed class MoneyJsonConverter : JsonConverter<Money>
{
    /// <inheritdoc/>
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return Money.TryParse(text, out var money) ? money : throw new JsonException($"'{text}' is not an amount of money such as USD 39000000.");
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}

/// <summary>Writes a <see cref="RelationshipType"/> as its name, such as <c>"hosts_on"</c> (a tie's type; read it back from the graph's schema).</summary>
public sealed class RelationshipTypeNameJsonConverter : JsonConverter<RelationshipType>
{
    /// <summary>Not supported: a name alone does not make a type; look it up in <see cref="GraphSchema"/>.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="typeToConvert">The type.</param>
    /// <param name="options">The options.</param>
    /// <returns>Never returns.</returns>
    /// <exception cref="NotSupportedException">Always.</exception>
    public override RelationshipType Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("A relationship type is written as its name; look the name up in GraphSchema to read it.");

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, RelationshipType value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.Name);
    }
}

/// <summary>Writes an entity as its id, such as <c>"palantir"</c> (a tie's ends and contract; read them back from the graph).</summary>
/// <typeparam name="T">The entity class of the property.</typeparam>
public sealed class EntityIdJsonConverter<T> : JsonConverter<T>
    where T : Entity
{
    /// <summary>Not supported: an id alone does not make an entity; look it up with <see cref="TechTiesGraph.TryGet"/>.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="typeToConvert">The type.</param>
    /// <param name="options">The options.</param>
    /// <returns>Never returns.</returns>
    /// <exception cref="NotSupportedException">Always.</exception>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("An entity reference is written as its id; look the id up in the graph to read it.");

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.Id);
    }
}
