using System.Collections.Immutable;
using static TechTies.Loading.FormatV1;

namespace TechTies.Loading;

internal sealed partial class GraphReader
{
    /// <summary>
    /// Reads the typed fields of one mapping, reporting every bad value and collecting the claims of fields written
    /// with their own sources.
    /// </summary>
    private sealed class FieldReader(GraphReader reader, string file, YMap map)
    {
        private List<FieldClaims>? claims;
        private bool currencyChecked;

        public ImmutableArray<FieldClaims> Claims => claims is null ? [] : [.. claims];

        private DiagnosticBag Diagnostics => reader.diagnostics;

        public string? Text(string field, bool required = false) => Text(field, required, anywhere: false, check: null);

        // The plain and the claim form (value: ...) get the same checks: for line breaks (anywhere, for an address),
        // and check's, which reports a value it refuses at the value and gives null.
        private string? Text(string field, bool required, bool anywhere, Func<YScalar, string?>? check)
        {
            var node = Find(field);
            if (node is null || node is YScalar { IsNull: true })
            {
                if (required)
                {
                    var at = (YNode?)node ?? map;
                    Diagnostics.Error(DiagnosticCodes.MissingField, file, at.Line, at.Column, $"'{field}' is required here", $"add {field}: ...");
                }

                return null;
            }

            if (IsClaimForm(node))
            {
                return ReadClaims(field, node, scalar => TextValue(field, scalar, required, anywhere, check));
            }

            if (node is YScalar scalar)
            {
                return TextValue(field, scalar, required, anywhere, check);
            }

            reader.WrongShape(file, node, field, "a single text value");
            return null;
        }

        // A value in the plain or the claim form.
        private string? TextValue(string field, YScalar scalar, bool required, bool anywhere, Func<YScalar, string?>? check)
        {
            // A quoted "" or "   " is given but says nothing: for a name or title that must be there, an error.
            if (required && string.IsNullOrWhiteSpace(scalar.Value))
            {
                Diagnostics.Error(DiagnosticCodes.MissingField, file, scalar.Line, scalar.Column, $"'{field}' is empty", $"give the {field}");
                return null;
            }

            var text = OneLineText(field, scalar, anywhere);
            return text is null || check is null ? text : check(scalar);
        }

        // Only a description or a quote may end with the line break a | block keeps.
        private string? OneLineText(string field, YScalar scalar, bool anywhere) =>
            field is "description" or "quote" || OneLine(field, scalar, anywhere) ? scalar.Value : null;

        private bool OneLine(string field, YScalar scalar, bool anywhere) => reader.OneLine(file, field, scalar, anywhere);

        public ImmutableArray<string> TextList(string field)
        {
            var node = Find(field);
            if (node is null || node is YScalar { IsNull: true })
            {
                return [];
            }

            var items = node is YSeq seq ? seq.Items : [node];
            var values = ImmutableArray.CreateBuilder<string>();
            foreach (var item in items)
            {
                if (item is YScalar { IsNull: false } scalar)
                {
                    if (OneLine(field, scalar, anywhere: false))
                    {
                        values.Add(scalar.Value);
                    }
                }
                else
                {
                    reader.WrongShape(file, item, field, "a list of text values");
                }
            }

            return values.ToImmutable();
        }

        // Every value, the preferred one of several claims or not, is checked where it is written.
        public string? Url(string field) => Text(field, required: false, anywhere: true, check: WebAddress);

        private string? WebAddress(YScalar scalar)
        {
            if (Uri.TryCreate(scalar.Value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            {
                return scalar.Value;
            }

            Diagnostics.Error(DiagnosticCodes.WrongShape, file, scalar.Line, scalar.Column, $"{DiagnosticText.Quote(scalar.Value)} is not a web address", "write an absolute http:// or https:// URL");
            return null;
        }

        public PartialDate? Date(string field)
        {
            var node = Find(field);
            if (node is null || node is YScalar { IsNull: true })
            {
                return null;
            }

            if (node is YScalar scalar)
            {
                // A partial date parses to the same value from its text as from its canonical form.
                if (PartialDate.TryParse(scalar.Value, out var date))
                {
                    return date;
                }

                ReportBadValue(scalar, ParseDate(scalar.Value).Error);
                return null;
            }

            var text = IsClaimForm(node) ? ReadClaims(field, node, scalar => Check(scalar, ParseDate)) : Shape(node, field, "a date such as 2018, 2018-07 or 2018-07-31");
            return text is null ? null : PartialDate.Parse(text);
        }

        public Money? Money(string field)
        {
            var node = Find(field);
            if (node is null || node is YScalar { IsNull: true })
            {
                return null;
            }

            if (node is YScalar scalar)
            {
                var currency = Currency();
                if (!Currencies.IsKnown(currency))
                {
                    ReportBadValue(scalar, null);
                    return null;
                }

                if (TechTies.Money.TryParse(scalar.Value, out var money, out var error, currency))
                {
                    return money.Canonical();
                }

                ReportBadValue(scalar, error);
                return null;
            }

            var text = IsClaimForm(node) ? ReadClaims(field, node, scalar => Check(scalar, ParseMoney)) : Shape(node, field, "an amount such as USD 39 million");
            return text is null ? null : TechTies.Money.Parse(text);
        }

        public T Enum<T>(string field, string[] words, bool required, T fallback)
            where T : struct, System.Enum
        {
            var text = Text(field, required);
            if (text is null)
            {
                return fallback;
            }

            var index = Array.IndexOf(words, text);
            if (index >= 0)
            {
                return System.Enum.GetValues<T>()[index];
            }

            var node = Find(field)!;
            Diagnostics.Error(DiagnosticCodes.BadEnumValue, file, node.Line, node.Column, $"{DiagnosticText.Quote(text)} is not a valid {field}", (Suggest.DidYouMean(text, words) ?? string.Empty) + (Suggest.DidYouMean(text, words) is null ? string.Empty : " ") + "expected one of " + string.Join(", ", words));
            return fallback;
        }

        public ImmutableSortedDictionary<string, string> Identifiers(string field)
        {
            var result = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            var node = Find(field);
            if (node is null || node is YScalar { IsNull: true })
            {
                return Entity.NoIdentifiers;
            }

            if (node is not YMap identifiers)
            {
                reader.WrongShape(file, node, field, "a mapping of scheme to identifier, such as { uei: ABC123DEF456 }");
                return Entity.NoIdentifiers;
            }

            foreach (var (key, value) in identifiers.Entries)
            {
                if (value is YScalar { IsNull: false } scalar)
                {
                    if (OneLine(key.Value, scalar, anywhere: true))
                    {
                        result[key.Value] = scalar.Value;
                    }
                }
                else if (!reader.SplitNumber(file, identifiers, key))
                {
                    reader.WrongShape(file, value, key.Value, "a single identifier");
                }
            }

            // Most companies and agencies have none: they share one empty map rather than hold one each.
            return result.Count == 0 ? Entity.NoIdentifiers : result.ToImmutable();
        }

        public ImmutableArray<Citation> Citations(string field) => ReadCitations(Find(field), field);

        public YScalar? Reference(string field, bool required)
        {
            var node = Find(field);
            if (node is YScalar { IsNull: false } scalar)
            {
                return OneLine(field, scalar, anywhere: true) ? scalar : null;
            }

            if (node is null or YScalar)
            {
                if (required)
                {
                    var at = node ?? map;
                    Diagnostics.Error(DiagnosticCodes.MissingField, file, at.Line, at.Column, $"'{field}' is required here", $"add {field}: <id>");
                }

                return null;
            }

            reader.WrongShape(file, node, field, "a single id");
            return null;
        }

        public List<YScalar> ReferenceList(string field)
        {
            var node = Find(field);
            var list = new List<YScalar>();
            if (node is null || node is YScalar { IsNull: true })
            {
                return list;
            }

            foreach (var item in node is YSeq seq ? seq.Items : [node])
            {
                if (item is YScalar { IsNull: false } scalar)
                {
                    if (OneLine(field, scalar, anywhere: true))
                    {
                        list.Add(scalar);
                    }
                }
                else
                {
                    reader.WrongShape(file, item, field, "an id or a list of ids");
                }
            }

            return list;
        }

        public void CheckOrder(string startField, PartialDate? start, string endField, PartialDate? end)
        {
            if (start is { } s && end is { } e && s.Start > e.End)
            {
                var node = Find(endField) ?? Find(startField) ?? map;
                Diagnostics.Error(DiagnosticCodes.StartAfterEnd, file, node.Line, node.Column, $"{startField} {s} is after {endField} {e}", $"check both dates: {startField} must not be after {endField}");
            }
        }

        /// <summary>Reports a <c>currency</c> field that is not a known ISO 4217 code, once, with or without an amount.</summary>
        public void CheckCurrency()
        {
            if (currencyChecked)
            {
                return;
            }

            currencyChecked = true;
            var node = Find("currency");
            if (node is null || node is YScalar { IsNull: true })
            {
                return;
            }

            if (node is not YScalar scalar)
            {
                reader.WrongShape(file, node, "currency", "an ISO 4217 currency code such as USD");
            }
            else if (!Currencies.IsKnown(scalar.Value))
            {
                Diagnostics.Error(DiagnosticCodes.BadCurrency, file, node.Line, node.Column, $"{DiagnosticText.Quote(scalar.Value)} is not an ISO 4217 currency code", "use a code such as USD, EUR or GBP");
            }
        }

        private YNode? Find(string field) => map.ValueOf(field);

        private static bool IsClaimForm(YNode node)
        {
            if (node is YMap m)
            {
                return m.ValueOf("value") is not null;
            }

            if (node is not YSeq { Items.Count: > 0 } s)
            {
                return false;
            }

            foreach (var item in s.Items)
            {
                if (item is not YMap)
                {
                    return false;
                }
            }

            return true;
        }

        private (string? Value, string? Error) ParseDate(string text) =>
            PartialDate.TryParse(text, out var date) ? (date.ToString(), null) : (null, $"{DiagnosticText.Quote(text)} is not a partial date");

        private (string? Value, string? Error) ParseMoney(string text)
        {
            var currency = Currency();
            if (!Currencies.IsKnown(currency))
            {
                return (null, null);
            }

            return TechTies.Money.TryParse(text, out var money, out var error, currency) ? (money.ToString(), null) : (null, error);
        }

        private string Currency() => Find("currency") is YScalar { IsNull: false } c ? c.Value : "USD";

        private string? Check(YScalar scalar, Func<string, (string? Value, string? Error)> parse)
        {
            var (value, error) = parse(scalar.Value);
            if (value is null)
            {
                ReportBadValue(scalar, error);
            }

            return value;
        }

        private void ReportBadValue(YScalar scalar, string? error)
        {
            if (error is null)
            {
                // The currency field is wrong, not the amount: reported once, by CheckCurrency.
                CheckCurrency();
            }
            else if (error.Contains("partial date", StringComparison.Ordinal))
            {
                Diagnostics.Error(DiagnosticCodes.BadDate, file, scalar.Line, scalar.Column, error, "write YYYY, YYYY-MM or YYYY-MM-DD, such as 2018, 2018-07 or 2018-07-31");
            }
            else
            {
                var code = error.Contains("ISO 4217", StringComparison.Ordinal) ? DiagnosticCodes.BadCurrency : DiagnosticCodes.BadAmount;
                Diagnostics.Error(code, file, scalar.Line, scalar.Column, error, "write e.g. USD 39 million, $39M, 39000000 or 39.3 million");
            }
        }

        private string? Shape(YNode node, string field, string expected)
        {
            reader.WrongShape(file, node, field, expected);
            return null;
        }

        // The claim form: { value, sources, preferred } or a list of them, exactly one preferred when several. Each value
        // is read as the plain form reads it: read reports a bad value and gives null.
        private string? ReadClaims(string field, YNode node, Func<YScalar, string?> read)
        {
            var items = node is YSeq seq ? seq.Items : [node];
            var list = ImmutableArray.CreateBuilder<Claim>();
            var ok = true;
            foreach (var item in items)
            {
                var claimMap = (YMap)item;
                if (!reader.CheckFields(file, claimMap, ClaimFields, $"a claim of '{field}'"))
                {
                    ok = false;
                    continue;
                }

                var valueNode = claimMap.ValueOf("value");
                if (valueNode is not YScalar { IsNull: false } valueScalar)
                {
                    var at = valueNode ?? claimMap;
                    Diagnostics.Error(DiagnosticCodes.MissingField, file, at.Line, at.Column, $"a claim of '{field}' needs a single 'value'", "write { value: ..., sources: [...] }");
                    ok = false;
                    continue;
                }

                var value = read(valueScalar);
                var preferredNode = claimMap.ValueOf("preferred");
                var preferred = false;
                if (preferredNode is YScalar { Value: "true" or "false" } flag)
                {
                    preferred = flag.Value == "true";
                }
                else if (preferredNode is not null)
                {
                    Diagnostics.Error(DiagnosticCodes.WrongShape, file, preferredNode.Line, preferredNode.Column, "'preferred' must be true or false", null);
                    ok = false;
                }

                var citations = ReadCitations(claimMap.ValueOf("sources"), "sources");
                if (value is null)
                {
                    ok = false;
                    continue;
                }

                list.Add(new Claim { Value = value, Citations = citations, Preferred = preferred || items.Count == 1 });
            }

            if (!ok)
            {
                return null;
            }

            var preferredCount = list.Count(c => c.Preferred);
            if (preferredCount != 1)
            {
                Diagnostics.Error(DiagnosticCodes.PreferredClaim, file, node.Line, node.Column, $"'{field}' lists {list.Count} values and marks {preferredCount} as preferred", "mark exactly one with preferred: true; queries use that one");
                return null;
            }

            (claims ??= []).Add(new FieldClaims { Field = field, Claims = list.ToImmutable() });
            return list.First(c => c.Preferred).Value;
        }

        private ImmutableArray<Citation> ReadCitations(YNode? node, string field)
        {
            if (node is null || node is YScalar { IsNull: true })
            {
                return [];
            }

            // The common form, one source id alone such as sources: [src-1], gives one shared list per source.
            if ((node as YSeq)?.Items is [YScalar { IsNull: false } single] || node is YScalar { IsNull: false })
            {
                var only = node as YScalar ?? (YScalar)((YSeq)node).Items[0];
                var shared = reader.CitationsOf(only.Value);
                reader.citationsToCheck.Add((shared[0], file, only));
                return shared;
            }

            var result = ImmutableArray.CreateBuilder<Citation>();
            foreach (var item in node is YSeq seq ? seq.Items : [node])
            {
                Citation? citation = null;
                YNode at = item;
                if (item is YScalar { IsNull: false } id)
                {
                    citation = reader.CitationsOf(id.Value)[0];
                }
                else if (item is YMap cite && reader.CheckFields(file, cite, ["source", "quote", "page"], "a citation"))
                {
                    var source = reader.Required(file, cite, "source", "a citation");
                    var inner = new FieldReader(reader, file, cite);
                    citation = source is null ? null : new Citation { Source = source.Value, Quote = inner.Text("quote"), Page = inner.Text("page") };
                    at = (YNode?)source ?? item;
                }
                else if (item is not YMap)
                {
                    reader.WrongShape(file, item, field, "a source id or { source: id, quote: \"...\", page: ... }");
                }

                if (citation is not null)
                {
                    result.Add(citation);
                    reader.citationsToCheck.Add((citation, file, at));
                }
            }

            return result.ToImmutable();
        }
    }
}
