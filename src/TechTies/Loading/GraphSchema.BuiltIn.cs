namespace TechTies;

// The built-in types are read from the embedded schema.yaml by Loading's schema reader, so this part of the model
// type lives with Loading: the model itself knows no reader.
public sealed partial class GraphSchema
{
    /// <summary>The schema every graph starts from: the built-in relationship types.</summary>
    public static GraphSchema BuiltIn { get; } = new(Loading.SchemaReader.ReadBuiltIn());
}
