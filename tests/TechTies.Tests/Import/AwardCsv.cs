using System.Text;

namespace TechTies.Tests.Import;

/// <summary>Writes CSV files in the shape of the USAspending award summary download, with its real column names.</summary>
internal static class AwardCsv
{
    public static readonly string[] Columns =
    [
        "award_id_piid", "contract_award_unique_key", "parent_award_id_piid", "total_obligated_amount", "current_total_value_of_award",
        "potential_total_value_of_award", "period_of_performance_start_date", "period_of_performance_current_end_date",
        "period_of_performance_potential_end_date", "awarding_agency_name", "awarding_sub_agency_name", "awarding_office_name",
        "recipient_name", "recipient_uei", "recipient_parent_name", "recipient_parent_uei", "prime_award_base_transaction_description",
        "usaspending_permalink",
    ];

    /// <summary>A row for the ICE ICM award to Palantir USG, as the download gives it; callers change cells with <c>with</c>.</summary>
    public static Dictionary<string, string> Icm() => new()
    {
        ["award_id_piid"] = "HSCETC14C00002",
        ["contract_award_unique_key"] = "CONT_AWD_HSCETC14C00002_7012_-NONE-_-NONE-",
        ["parent_award_id_piid"] = "",
        ["total_obligated_amount"] = "41000000.00",
        ["current_total_value_of_award"] = "41000000.00",
        ["potential_total_value_of_award"] = "53148388.39",
        ["period_of_performance_start_date"] = "2014-09-26",
        ["period_of_performance_current_end_date"] = "2019-09-25",
        ["period_of_performance_potential_end_date"] = "2019-09-25",
        ["awarding_agency_name"] = "Department of Homeland Security",
        ["awarding_sub_agency_name"] = "U.S. Immigration and Customs Enforcement",
        ["awarding_office_name"] = "MISSION SUPPORT WASHINGTON",
        ["recipient_name"] = "PALANTIR USG INC",
        ["recipient_uei"] = "JJ7ZZ1ABCDE3",
        ["recipient_parent_name"] = "PALANTIR TECHNOLOGIES INC.",
        ["recipient_parent_uei"] = "MM4PP2ABCDE9",
        ["prime_award_base_transaction_description"] = "WEB-ENABLED INVESTIGATING CASE MANAGEMENT (ICM) SYSTEM",
        ["usaspending_permalink"] = "https://www.usaspending.gov/award/CONT_AWD_HSCETC14C00002_7012_-NONE-_-NONE-/",
    };

    public static Dictionary<string, string> Falcon() => With(Icm(), new()
    {
        ["award_id_piid"] = "HSCETC15C00001",
        ["contract_award_unique_key"] = "CONT_AWD_HSCETC15C00001_7012_-NONE-_-NONE-",
        ["total_obligated_amount"] = "39340900.82",
        ["current_total_value_of_award"] = "39340900.82",
        ["potential_total_value_of_award"] = "39340900.82",
        ["period_of_performance_start_date"] = "2015-01-01",
        ["period_of_performance_current_end_date"] = "2018-07-31",
        ["recipient_name"] = "Palantir Technologies Inc.",
        ["recipient_uei"] = "MM4PP2ABCDE9",
        ["prime_award_base_transaction_description"] = "FALCON OPERATIONS AND MAINTENANCE (O&M), SYSTEM ENHANCEMENT SUPPORT SERVICES",
        ["usaspending_permalink"] = "https://www.usaspending.gov/award/CONT_AWD_HSCETC15C00001_7012_-NONE-_-NONE-/",
    });

    public static Dictionary<string, string> With(Dictionary<string, string> row, Dictionary<string, string> changes)
    {
        var copy = new Dictionary<string, string>(row);
        foreach (var (key, value) in changes)
        {
            copy[key] = value;
        }

        return copy;
    }

    /// <summary>The CSV text: a header of <paramref name="columns"/> (all by default), then the rows, fields quoted when they must be.</summary>
    public static string Text(IEnumerable<Dictionary<string, string>> rows, IReadOnlyList<string>? columns = null)
    {
        columns ??= Columns;
        var text = new StringBuilder();
        text.Append(string.Join(",", columns.Select(Quote))).Append("\r\n");
        foreach (var row in rows)
        {
            text.Append(string.Join(",", columns.Select(c => Quote(row.GetValueOrDefault(c, string.Empty))))).Append("\r\n");
        }

        return text.ToString();
    }

    public static string Write(string folder, string name, IEnumerable<Dictionary<string, string>> rows, IReadOnlyList<string>? columns = null, bool bom = false)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, Text(rows, columns), new UTF8Encoding(bom));
        return path;
    }

    public static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 || field != field.Trim() ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
