namespace TechTies.Import;

/// <summary>One imported contract, as the output writes it.</summary>
internal sealed record ContractRecord
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public string? AwardId { get; init; }

    public required string VendorId { get; init; }

    public string? VendorParentId { get; init; }

    public required string AgencyId { get; init; }

    public string? OfficeId { get; init; }

    public string? Amount { get; init; }

    public string? Obligated { get; init; }

    public string? CurrentValue { get; init; }

    public string? PotentialValue { get; init; }

    public string? Start { get; init; }

    public string? End { get; init; }

    public string? Description { get; init; }

    public string? Page { get; init; }

    /// <summary>The CSV line the row starts on, for diagnostics about the record.</summary>
    public required long Line { get; init; }

    /// <summary>The 1-based CSV column of the first id column, for diagnostics about the id.</summary>
    public required int IdColumn { get; init; }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Id);
        writer.Write(Title);
        writer.Write(VendorId);
        writer.Write(AgencyId);
        writer.Write(Line);
        writer.Write(IdColumn);
        foreach (var value in (string?[])[AwardId, VendorParentId, OfficeId, Amount, Obligated, CurrentValue, PotentialValue, Start, End, Description, Page])
        {
            writer.Write(value is not null);
            if (value is not null)
            {
                writer.Write(value);
            }
        }
    }

    public static ContractRecord Read(BinaryReader reader)
    {
        var id = reader.ReadString();
        var title = reader.ReadString();
        var vendor = reader.ReadString();
        var agency = reader.ReadString();
        var line = reader.ReadInt64();
        var idColumn = reader.ReadInt32();
        string? Next() => reader.ReadBoolean() ? reader.ReadString() : null;
        return new ContractRecord
        {
            Id = id, Title = title, VendorId = vendor, AgencyId = agency, Line = line, IdColumn = idColumn,
            AwardId = Next(), VendorParentId = Next(), OfficeId = Next(), Amount = Next(), Obligated = Next(), CurrentValue = Next(), PotentialValue = Next(),
            Start = Next(), End = Next(), Description = Next(), Page = Next(),
        };
    }
}

/// <summary>
/// Holds the contracts of an import outside memory and gives them back in id order: an external merge sort. Records
/// are kept in memory a chunk at a time; each full chunk is sorted and written to a temporary file, and the files are
/// merged at the end, so memory stays bounded however large the CSV file is.
/// </summary>
internal sealed class ContractSpool : IDisposable
{
    private readonly int chunkSize;
    private readonly List<ContractRecord> buffer = [];
    private readonly List<string> chunks = [];

    public ContractSpool(int chunkSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        this.chunkSize = chunkSize;
    }

    public long Count { get; private set; }

    public void Add(ContractRecord record)
    {
        buffer.Add(record);
        Count++;
        if (buffer.Count >= chunkSize)
        {
            Spill();
        }
    }

    /// <summary>Every record, by ordinal id, then by CSV line (so the first of two rows with one id comes first).</summary>
    public IEnumerable<ContractRecord> Sorted()
    {
        if (buffer.Count > 0)
        {
            Spill();
        }

        var readers = chunks.Select(c => new BinaryReader(File.OpenRead(c), System.Text.Encoding.UTF8)).ToList();
        try
        {
            var queue = new PriorityQueue<(ContractRecord Record, int Chunk), ContractRecord>(Comparer<ContractRecord>.Create(Compare));
            for (var i = 0; i < readers.Count; i++)
            {
                Enqueue(queue, readers, i);
            }

            while (queue.TryDequeue(out var next, out _))
            {
                yield return next.Record;
                Enqueue(queue, readers, next.Chunk);
            }
        }
        finally
        {
            foreach (var reader in readers)
            {
                reader.Dispose();
            }
        }
    }

    public void Dispose()
    {
        foreach (var chunk in chunks)
        {
            File.Delete(chunk);
        }

        chunks.Clear();
    }

    private static int Compare(ContractRecord a, ContractRecord b)
    {
        var byId = string.CompareOrdinal(a.Id, b.Id);
        return byId != 0 ? byId : a.Line.CompareTo(b.Line);
    }

    private static void Enqueue(PriorityQueue<(ContractRecord, int), ContractRecord> queue, List<BinaryReader> readers, int chunk)
    {
        var reader = readers[chunk];
        if (reader.BaseStream.Position < reader.BaseStream.Length)
        {
            var record = ContractRecord.Read(reader);
            queue.Enqueue((record, chunk), record);
        }
    }

    private void Spill()
    {
        buffer.Sort(Compare);
        var path = Path.Combine(Path.GetTempPath(), $"techties-import-{Guid.NewGuid():N}.chunk");
        chunks.Add(path);
        using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8))
        {
            foreach (var record in buffer)
            {
                record.Write(writer);
            }
        }

        buffer.Clear();
    }
}
