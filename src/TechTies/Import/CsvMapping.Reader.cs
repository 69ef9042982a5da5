using System.Collections.Immutable;
using TechTies.Loading;

namespace TechTies.Import;

// Reading a mapping file: every field checked, every problem reported with its position.
public sealed partial class CsvMapping
{
    /// <summary>Reads the YAML tree of a mapping, reporting every problem with its position.</summary>
    private sealed class MappingReader(string file, DiagnosticBag diagnostics)
    {
        private static readonly string[] RootFields = ["techties_mapping", "name", "title", "description", "currency", "dataset", "contract", "vendor", "agency", "citation", "same_as", "not_same"];
        private static readonly string[] DatasetFields = ["id", "title", "publisher", "url"];
        private static readonly string[] ContractFields = ["id", "award_id", "title", "obligated", "current_value", "potential_value", "amount", "start", "end", "details"];
        private static readonly string[] IdFields = ["slug", "hash", "prefix"];
        private static readonly string[] VendorFields = ["name", "identifiers", "parent"];
        private static readonly string[] ParentFields = ["name", "identifiers"];
        private static readonly string[] AgencyFields = ["name", "sub_agency", "office"];
        private static readonly string[] CitationFields = ["page"];
        private static readonly string[] AmountFields = ["obligated", "current_value", "potential_value"];
        private static readonly string[] ConstantFields = ["value"];

        public string Name { get; private set; } = string.Empty;

        public string? Title { get; private set; }

        public string Currency { get; private set; } = "USD";

        public DatasetRule? Dataset { get; private set; }

        public ContractRule? Contract { get; private set; }

        public VendorRule? Vendor { get; private set; }

        public AgencyRule? Agency { get; private set; }

        public Column? Page { get; private set; }

        public List<SameAsRule> SameAs { get; } = [];

        public List<NotSameRule> NotSame { get; } = [];

        public void ReadRoot(YNode root)
        {
            if (root is not YMap map)
            {
                diagnostics.Error(DiagnosticCodes.WrongShape, file, root.Line, root.Column, $"a mapping file is a YAML mapping of fields, not {root.Describe}", $"start it with techties_mapping: {SupportedVersion}");
                return;
            }

            var version = Get(map, "techties_mapping");
            if (version is null)
            {
                diagnostics.Error(DiagnosticCodes.MissingVersion, file, map.Line, map.Column, "the mapping has no format version", $"add techties_mapping: {SupportedVersion} as the first line");
                return;
            }

            if (version is not YScalar { Value: "1" })
            {
                diagnostics.Error(DiagnosticCodes.UnsupportedVersion, file, version.Line, version.Column, $"mapping version '{(version as YScalar)?.Value ?? version.Describe}' is not supported: this package reads version {SupportedVersion}", $"write techties_mapping: {SupportedVersion}");
                return;
            }

            CheckFields(map, RootFields, "a mapping");
            Name = Text(map, "name", required: true) ?? "mapping";
            if (!GraphReader.IsSlug(Name))
            {
                var at = Get(map, "name") ?? map;
                diagnostics.Error(DiagnosticCodes.BadId, file, at.Line, at.Column, $"the mapping name '{Name}' is not a lowercase slug", "use a-z, 0-9 and single hyphens, such as my-awards");
            }

            Title = Text(map, "title");
            Text(map, "description");
            Currency = Text(map, "currency") ?? "USD";
            if (!Currencies.IsKnown(Currency))
            {
                var at = Get(map, "currency")!;
                diagnostics.Error(DiagnosticCodes.BadCurrency, file, at.Line, at.Column, $"'{Currency}' is not an ISO 4217 currency code", "use a code such as USD, EUR or GBP");
            }

            ReadDataset(Section(map, "dataset", required: true));
            ReadContract(Section(map, "contract", required: true));
            ReadVendor(Section(map, "vendor", required: true));
            ReadAgency(Section(map, "agency", required: true));
            var citation = Section(map, "citation", required: false);
            if (citation is not null)
            {
                CheckFields(citation, CitationFields, "citation");
                Page = ColumnOf(citation, "page");
            }

            var judgements = new JudgementReader(file, diagnostics);
            judgements.ReadSameAs(Get(map, "same_as"));
            judgements.ReadNotSame(Get(map, "not_same"));
            SameAs.AddRange(judgements.SameAs);
            NotSame.AddRange(judgements.NotSame);
        }

        private void ReadDataset(YMap? map)
        {
            if (map is null)
            {
                return;
            }

            CheckFields(map, DatasetFields, "dataset");
            var id = Text(map, "id", required: true) ?? "import";
            if (!GraphReader.IsSlug(id))
            {
                var at = Get(map, "id")!;
                diagnostics.Error(DiagnosticCodes.BadId, file, at.Line, at.Column, $"'{id}' is not a valid id prefix: ids are lowercase slugs of a-z, 0-9 and single hyphens", "use a prefix such as usaspending");
            }

            var url = Text(map, "url");
            if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
            {
                var at = Get(map, "url")!;
                diagnostics.Error(DiagnosticCodes.WrongShape, file, at.Line, at.Column, $"'{url}' is not a web address", "write an absolute http:// or https:// URL");
                url = null;
            }

            Dataset = new DatasetRule(id, Text(map, "title", required: true) ?? id, Text(map, "publisher"), url);
        }

        private void ReadContract(YMap? map)
        {
            if (map is null)
            {
                return;
            }

            CheckFields(map, ContractFields, "contract");
            var (hash, idColumns, prefix) = ReadIdRule(map);
            var headline = Text(map, "amount");
            if (headline is not null && !AmountFields.Contains(headline))
            {
                var at = Get(map, "amount")!;
                diagnostics.Error(DiagnosticCodes.BadEnumValue, file, at.Line, at.Column, $"'{headline}' is not an amount field: amount names which of the amounts is the headline value", Suggest.DidYouMean(headline, AmountFields) ?? "expected one of " + string.Join(", ", AmountFields));
            }
            else if (headline is not null && Get(map, headline) is null)
            {
                var at = Get(map, "amount")!;
                diagnostics.Error(DiagnosticCodes.MissingField, file, at.Line, at.Column, $"amount names '{headline}' as the headline value, but the contract does not map {headline} to a column", $"add {headline}: <column>");
            }

            var details = ImmutableArray.CreateBuilder<(string, Column)>();
            var detailMap = Get(map, "details");
            if (detailMap is YMap labelled)
            {
                foreach (var (key, value) in labelled.Entries)
                {
                    if (ColumnFrom(value, key.Value) is { } column)
                    {
                        details.Add((key.Value, column));
                    }
                }
            }
            else if (detailMap is not null and not YScalar { IsNull: true })
            {
                WrongShape(detailMap, "details", "a mapping of labels to column names, such as { Parent award: parent_award_id_piid }");
            }

            Contract = new ContractRule(
                hash,
                idColumns,
                prefix,
                ColumnOf(map, "award_id"),
                ColumnOf(map, "title"),
                ColumnOf(map, "obligated"),
                ColumnOf(map, "current_value"),
                ColumnOf(map, "potential_value"),
                headline,
                ColumnOf(map, "start"),
                ColumnOf(map, "end"),
                details.ToImmutable());
        }

        private (bool Hash, ImmutableArray<Column> Columns, string Prefix) ReadIdRule(YMap contract)
        {
            var node = Get(contract, "id");
            if (node is not YMap id)
            {
                if (node is null)
                {
                    diagnostics.Error(DiagnosticCodes.MissingField, file, contract.Line, contract.Column, "the contract needs 'id': how contract ids are made", "add id: { slug: [award_key_column] } or id: { hash: [column, ...], prefix: award }");
                }
                else
                {
                    WrongShape(node, "id", "{ slug: [column] } or { hash: [column, ...], prefix: award }");
                }

                return (false, [], "contract");
            }

            CheckFields(id, IdFields, "the contract id");
            var slug = Get(id, "slug");
            var hash = Get(id, "hash");
            if ((slug is null) == (hash is null))
            {
                diagnostics.Error(DiagnosticCodes.WrongShape, file, id.Line, id.Column, "the contract id needs exactly one of 'slug' (a readable id from key columns) and 'hash' (a short hash of key columns)", "write { slug: [award_key_column] } or { hash: [column, ...] }");
                return (false, [], "contract");
            }

            var columns = ColumnList(slug ?? hash!, slug is null ? "hash" : "slug");
            var prefix = Text(id, "prefix") ?? (hash is not null ? "contract" : string.Empty);
            if (prefix.Length > 0 && !GraphReader.IsSlug(prefix))
            {
                var at = Get(id, "prefix")!;
                diagnostics.Error(DiagnosticCodes.BadId, file, at.Line, at.Column, $"'{prefix}' is not a valid id prefix", "use a lowercase slug such as award");
            }

            return (hash is not null, columns, prefix);
        }

        private ImmutableArray<Column> ColumnList(YNode node, string field)
        {
            var items = node is YSeq seq ? seq.Items : [node];
            var columns = ImmutableArray.CreateBuilder<Column>();
            foreach (var item in items)
            {
                if (item is YMap && ColumnFrom(item, field) is { } constant)
                {
                    columns.Add(constant);
                }
                else if (item is YScalar { IsNull: false } scalar)
                {
                    columns.Add(new Column(scalar.Value, scalar.Line, scalar.Column));
                }
                else if (item is not YMap)
                {
                    WrongShape(item, field, "a column name or a list of column names");
                }
            }

            if (columns.Count == 0 && !(items.Count > 0 && items.Any(i => i is not YScalar)))
            {
                diagnostics.Error(DiagnosticCodes.MissingField, file, node.Line, node.Column, $"'{field}' names no column", $"write {field}: [key_column]");
            }

            return columns.ToImmutable();
        }

        private void ReadVendor(YMap? map)
        {
            if (map is null)
            {
                return;
            }

            CheckFields(map, VendorFields, "vendor");
            var name = ColumnOf(map, "name", required: true);
            var identifiers = Identifiers(map);
            Column? parentName = null;
            ImmutableArray<(string, Column)> parentIdentifiers = [];
            var parent = Section(map, "parent", required: false);
            if (parent is not null)
            {
                CheckFields(parent, ParentFields, "the vendor's parent");
                parentName = ColumnOf(parent, "name", required: true);
                parentIdentifiers = Identifiers(parent);
            }

            if (name is not null)
            {
                Vendor = new VendorRule(name, identifiers, parentName, parentIdentifiers);
            }
        }

        private ImmutableArray<(string, Column)> Identifiers(YMap map)
        {
            var node = Get(map, "identifiers");
            if (node is null or YScalar { IsNull: true })
            {
                return [];
            }

            if (node is not YMap schemes)
            {
                WrongShape(node, "identifiers", "a mapping of identifier scheme to column, such as { uei: recipient_uei }");
                return [];
            }

            var result = ImmutableArray.CreateBuilder<(string, Column)>();
            foreach (var (key, value) in schemes.Entries)
            {
                if (ColumnFrom(value, key.Value) is { } column)
                {
                    result.Add((key.Value, column));
                }
            }

            return result.ToImmutable();
        }

        private void ReadAgency(YMap? map)
        {
            if (map is null)
            {
                return;
            }

            CheckFields(map, AgencyFields, "agency");
            var name = ColumnOf(map, "name", required: true);
            if (name is not null)
            {
                Agency = new AgencyRule(name, ColumnOf(map, "sub_agency"), ColumnOf(map, "office"));
            }
        }

        private YMap? Section(YMap map, string field, bool required)
        {
            var node = Get(map, field);
            if (node is YMap section)
            {
                return section;
            }

            if (node is null or YScalar { IsNull: true })
            {
                if (required)
                {
                    diagnostics.Error(DiagnosticCodes.MissingField, file, (node ?? map).Line, (node ?? map).Column, $"the mapping needs '{field}'", $"add {field}: with its columns (see docs/import.md)");
                }

                return null;
            }

            WrongShape(node, field, "a mapping of fields");
            return null;
        }

        private Column? ColumnOf(YMap map, string field, bool required = false)
        {
            var node = Get(map, field);
            if (node is YMap)
            {
                return ColumnFrom(node, field);
            }

            var text = Text(map, field, required);
            return text is null || node is null ? null : new Column(text, node.Line, node.Column);
        }

        // A column name, or { value: "..." }: a constant that every row has, for files without such a column.
        private Column? ColumnFrom(YNode node, string field)
        {
            if (node is YScalar { IsNull: false } scalar)
            {
                return new Column(scalar.Value, scalar.Line, scalar.Column);
            }

            if (node is not YMap map)
            {
                WrongShape(node, field, "a column name, or { value: \"...\" } for a constant");
                return null;
            }

            CheckFields(map, ConstantFields, $"the constant of '{field}'");
            var value = Get(map, "value");
            if (value is YScalar { IsNull: false } constant && constant.Value.Trim().Length > 0)
            {
                return new Column(constant.Value.Trim(), constant.Line, constant.Column) { IsConstant = true };
            }

            var at = value ?? map;
            diagnostics.Error(value is null ? DiagnosticCodes.MissingField : DiagnosticCodes.WrongShape, file, at.Line, at.Column, $"the constant of '{field}' has no value", $"write {field}: {{ value: \"...\" }} with the text every row has, or name a column");
            return null;
        }

        private string? Text(YMap map, string field, bool required = false)
        {
            var node = Get(map, field);
            if (node is YScalar { IsNull: false } scalar)
            {
                return scalar.Value;
            }

            if (node is null or YScalar)
            {
                if (required)
                {
                    var at = node ?? map;
                    diagnostics.Error(DiagnosticCodes.MissingField, file, at.Line, at.Column, $"'{field}' is required here", $"add {field}: ...");
                }

                return null;
            }

            WrongShape(node, field, "a single value");
            return null;
        }

        private static YNode? Get(YMap map, string field) => map.Entries.FirstOrDefault(e => e.Key.Value == field).Value;

        private void CheckFields(YMap map, string[] allowed, string what)
        {
            foreach (var (key, _) in map.Entries.Where(e => !allowed.Contains(e.Key.Value)))
            {
                diagnostics.Error(DiagnosticCodes.UnknownField, file, key.Line, key.Column, $"'{key.Value}' is not a field of {what}", Suggest.DidYouMean(key.Value, allowed) ?? "fields are " + string.Join(", ", allowed));
            }
        }

        private void WrongShape(YNode node, string field, string expected) =>
            diagnostics.Error(DiagnosticCodes.WrongShape, file, node.Line, node.Column, $"'{field}' is {node.Describe}", $"expected {expected}");
    }
}
