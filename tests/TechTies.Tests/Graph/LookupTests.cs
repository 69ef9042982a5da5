namespace TechTies.Tests.Graph;

public class LookupTests
{
    private static readonly TechTiesGraph Groups = TechTiesGraph.Parse("""
        techties: 1
        groups:
          cosecha: { name: Movimiento Cosecha, aliases: [Cosecha] }
          union-trabajadores: { name: Unión de Trabajadores, aliases: [UT] }
          tech-workers-coalition: { name: Tech Workers Coalition, aliases: [TWC] }
          tech-workers-union: { name: Tech Workers Union, aliases: [TWC] }
        """, "groups.yaml");

    [Theory]
    [InlineData("cosecha")]
    [InlineData("Movimiento Cosecha")]
    [InlineData("movimiento cosecha")]
    [InlineData("MOVIMIENTO COSECHA")]
    [InlineData("  Movimiento   Cosecha ")]
    [InlineData("Movimiénto Cosécha")]
    [InlineData("COSECHA")]
    public void Find_matches_an_id_name_or_alias_ignoring_case_accents_and_spacing(string name)
    {
        Assert.Equal("cosecha", Groups.Find(name).Id);
        Assert.True(Groups.TryFind(name, out var found));
        Assert.Equal("cosecha", found.Id);
    }

    [Theory]
    [InlineData("Unión de Trabajadores")]
    [InlineData("union de trabajadores")]
    [InlineData("UNION DE TRABAJADORES")]
    [InlineData("ut")]
    public void An_accented_name_is_found_without_its_accents(string name)
    {
        Assert.Equal("union-trabajadores", Groups.Find(name).Id);
    }

    [Theory]
    [InlineData("ICE")]
    [InlineData("ice")]
    [InlineData("Ice")]
    [InlineData("U.S. Immigration and Customs Enforcement")]
    [InlineData("u.s. immigration and customs enforcement")]
    public void The_built_in_graph_finds_ice_by_id_name_and_alias(string name)
    {
        var ice = TechTiesGraph.LoadBuiltIn().Find(name);

        Assert.Equal("ice", ice.Id);
        Assert.Equal(Kind.Agency, ice.Kind);
    }

    [Fact]
    public void A_name_shared_by_two_entities_is_ambiguous_and_lists_both()
    {
        var exception = Assert.Throws<EntityLookupException>(() => Groups.Find("twc"));

        Assert.Equal(LookupFailure.Ambiguous, exception.Failure);
        Assert.Equal("twc", exception.Name);
        Assert.Equal(["tech-workers-coalition", "tech-workers-union"], exception.Candidates.Select(c => c.Id));
        Assert.Equal("'twc' is ambiguous: it names 2 entities: tech-workers-coalition (Tech Workers Coalition, group), tech-workers-union (Tech Workers Union, group). Use an id.", exception.Message);
        Assert.False(Groups.TryFind("twc", out var none));
        Assert.Null(none);
    }

    [Fact]
    public void An_id_wins_over_a_name_that_is_ambiguous()
    {
        var graph = TechTiesGraph.Parse("""
            techties: 1
            companies:
              acme: { name: Acme Holdings }
              acme-labs: { name: Acme Labs, aliases: [acme] }
            """);

        Assert.Equal("acme", graph.Find("acme").Id);
        Assert.Throws<EntityLookupException>(() => graph.Find("ACME"));
    }

    [Fact]
    public void An_unknown_name_suggests_the_nearest_entities()
    {
        var exception = Assert.Throws<EntityLookupException>(() => TechTiesGraph.LoadBuiltIn().Find("Palantr"));

        Assert.Equal(LookupFailure.NotFound, exception.Failure);
        Assert.Equal("palantir", exception.Candidates[0].Id);
        Assert.StartsWith("No entity is called 'Palantr'. Did you mean: palantir (Palantir Technologies, company)", exception.Message);
    }

    [Fact]
    public void The_candidates_of_a_lookup_error_are_a_read_only_copy_of_the_list_given()
    {
        var palantir = TechTiesGraph.LoadBuiltIn().Find("palantir");
        var given = new List<Entity> { palantir };

        var exception = new EntityLookupException("palantr", LookupFailure.NotFound, given);
        given.Clear();

        Assert.Equal([palantir], exception.Candidates);
        Assert.IsNotType<List<Entity>>(exception.Candidates);
        Assert.True(((ICollection<Entity>)exception.Candidates).IsReadOnly);
    }

    [Fact]
    public void An_unknown_name_with_nothing_near_says_so()
    {
        var exception = Assert.Throws<EntityLookupException>(() => Groups.Find("zzzzzzzzzzzz"));

        Assert.Equal(LookupFailure.NotFound, exception.Failure);
        Assert.Empty(exception.Candidates);
        Assert.Equal("No entity is called 'zzzzzzzzzzzz'.", exception.Message);
    }

    [Fact]
    public void The_indexer_names_an_alias_and_otherwise_suggests_the_nearest_ids()
    {
        var graph = TechTiesGraph.LoadBuiltIn();

        var alias = Assert.Throws<EntityLookupException>(() => graph["ICE"]);
        Assert.Equal("No entity has the id 'ICE', but 'ICE' names ice (U.S. Immigration and Customs Enforcement, agency): use graph[\"ice\"] or graph.Find(\"ICE\").", alias.Message);

        var typo = Assert.Throws<EntityLookupException>(() => graph["palantr"]);
        Assert.StartsWith("No entity has the id 'palantr'. Did you mean: palantir (Palantir Technologies, company)", typo.Message);
        Assert.Equal("palantir", typo.Candidates[0].Id);

        Assert.Equal("No entity has the id 'zzzzzzzzzzzz'.", Assert.Throws<EntityLookupException>(() => graph["zzzzzzzzzzzz"]).Message);
    }

    [Fact]
    public void An_unknown_name_of_more_than_80_characters_is_quoted_as_its_first_80_and_its_length()
    {
        var exception = Assert.Throws<EntityLookupException>(() => Groups.Find(new string('z', 100_000)));

        Assert.Equal($"No entity is called '{new string('z', 80)}…' (100000 characters).", exception.Message);
    }

    [Fact]
    public void The_indexer_takes_exact_ids_only()
    {
        Assert.Equal("cosecha", Groups["cosecha"].Id);
        var exception = Assert.Throws<EntityLookupException>(() => Groups["Cosecha"]);
        Assert.Equal(LookupFailure.NotFound, exception.Failure);
        Assert.StartsWith("No entity has the id 'Cosecha', but 'Cosecha' names cosecha (", exception.Message);
        Assert.EndsWith(": use graph[\"cosecha\"] or graph.Find(\"Cosecha\").", exception.Message);
        Assert.Equal("cosecha", Assert.Single(exception.Candidates).Id);
        Assert.False(Groups.TryGet("Cosecha", out _));
    }

    [Fact]
    public void Entities_of_a_kind_come_in_id_order()
    {
        var graph = TechTiesGraph.LoadBuiltIn();

        var agencies = graph.EntitiesOf(Kind.Agency).Select(e => e.Id).ToList();

        Assert.Contains("ice", agencies);
        Assert.Equal(agencies.Order(StringComparer.Ordinal), agencies);
        Assert.Equal(agencies, graph.EntitiesOf<Agency>().Select(a => a.Id));
        Assert.All(graph.EntitiesOf(Kind.Contract), e => Assert.IsType<Contract>(e));
    }

    [Fact]
    public void Ties_from_and_to_an_entity_come_by_type_then_the_other_end()
    {
        var graph = TechTiesGraph.LoadBuiltIn();
        var palantir = graph["palantir"];

        var from = graph.TiesFrom(palantir);
        var to = graph.TiesTo(palantir);

        Assert.All(from, t => Assert.Same(palantir, t.From));
        Assert.All(to, t => Assert.Same(palantir, t.To));
        Assert.Equal(from.OrderBy(t => t.Type.Name, StringComparer.Ordinal).ThenBy(t => t.To.Id, StringComparer.Ordinal).ThenBy(t => t.Id, StringComparer.Ordinal), from);
        Assert.Equal(to.OrderBy(t => t.Type.Name, StringComparer.Ordinal).ThenBy(t => t.From.Id, StringComparer.Ordinal).ThenBy(t => t.Id, StringComparer.Ordinal), to);
        Assert.Contains(from, t => t.Id == "palantir/contracts_with/ice/palantir-ice-falcon-om");
    }

    [Fact]
    public void Ties_of_an_entity_from_another_graph_are_refused()
    {
        var stranger = Groups["cosecha"];

        var exception = Assert.Throws<ArgumentException>(() => TechTiesGraph.LoadBuiltIn().TiesFrom(stranger));

        Assert.Equal("entity", exception.ParamName);
    }
}
