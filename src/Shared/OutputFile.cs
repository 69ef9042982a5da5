using System.Runtime.InteropServices;
using System.Text;

namespace TechTies;

/// <summary>
/// A file being written whole or not at all: a regular file (or a new one) is written to a temporary file beside it
/// and moved onto it when complete; a symbolic link is followed to its final target, which is replaced while the link
/// stays; anything else (a device such as <c>/dev/null</c>, a FIFO, <c>/dev/stdout</c>) is written directly, since a
/// temporary file moved onto it would replace the device with a regular file.
/// </summary>
/// <remarks>
/// Compiled into both the library (the CSV import's output) and the command line (export's <c>--out</c>), so that every
/// file techties writes goes through this one place without it becoming public API.
/// </remarks>
internal sealed class OutputFile : IDisposable
{
    private readonly string? temporary;
    private Stream? stream;
    private bool committed;

    private OutputFile(string target, string? temporary)
    {
        Target = target;
        this.temporary = temporary;
    }

    /// <summary>The file that is written in the end: the path, or the final target of the symbolic link it is.</summary>
    public string Target { get; }

    /// <summary>Whether the output is written in place (a device, FIFO or other file that is not a regular file).</summary>
    public bool IsDirect => temporary is null;

    /// <summary>Decides how <paramref name="path"/> is written; nothing is created or opened yet.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder the file goes in does not exist.</exception>
    /// <exception cref="IOException">The path is a folder, or a symbolic link that never reaches a file (a cycle).</exception>
    public static OutputFile For(string path)
    {
        var full = Path.GetFullPath(path);
        switch (KindOf(full))
        {
            case FileKind.Folder:
                throw new IOException($"'{path}' is a folder, not a file.");
            case FileKind.Other:
                return new OutputFile(full, temporary: null);
        }

        var target = new FileInfo(full).LinkTarget is null ? full : File.ResolveLinkTarget(full, returnFinalTarget: true)!.FullName;
        if (IsReadOnly(target))
        {
            // As cp does without -f: a file its owner made read-only is not replaced behind their back.
            throw new UnauthorizedAccessException($"'{target}' is read-only, so it is not replaced: make it writable (chmod u+w) or remove it first.");
        }

        var folder = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException(target == full
                ? $"The folder '{folder}' does not exist."
                : $"The folder '{folder}' of '{target}', which '{path}' links to, does not exist.");
        }

        // Named so that one left behind by a killed run (SIGKILL, a power cut) says what it is: safe to delete.
        return new OutputFile(target, Path.Combine(folder, $".{Path.GetFileName(target)}.techties-incomplete-{Guid.NewGuid():N}.tmp"));
    }

    /// <summary>
    /// The first of <paramref name="inputs"/> that is the file this output would replace (the same file through any
    /// path, symbolic link or hard link), or <see langword="null"/>; a folder among the inputs stands for every file in
    /// it and its subfolders. Writing it would destroy an input, so the caller refuses.
    /// </summary>
    public string? SameFileAmong(IEnumerable<string> inputs)
    {
        if (IsDirect || !File.Exists(Target))
        {
            return null;
        }

        var target = Identity(Target);
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = true };
                if (Directory.EnumerateFiles(input, "*", options).FirstOrDefault(f => Identity(f) == target) is { } inFolder)
                {
                    return inFolder;
                }
            }
            else if (File.Exists(input) && Identity(input) == target)
            {
                return input;
            }
        }

        return null;
    }

    /// <summary>
    /// Creates the temporary file, or opens the file written in place; call it once, when there is something to write.
    /// Once <paramref name="cancellation"/> is cancelled (Ctrl-C), the next write throws
    /// <see cref="OperationCanceledException"/>, and disposing this then removes the temporary file.
    /// </summary>
    public Stream Open(CancellationToken cancellation = default)
    {
        if (stream is not null)
        {
            throw new InvalidOperationException("The output file is already open.");
        }

        stream = temporary is null
            ? new FileStream(Target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite)
            : new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        return cancellation.CanBeCanceled ? new CancellableStream(stream, cancellation) : stream;
    }

    /// <summary>Finishes the file: flushes and closes it (a write error, such as a full disk, is thrown here at the latest) and moves the temporary file into place.</summary>
    public void Commit()
    {
        if (stream is null)
        {
            throw new InvalidOperationException("The output file was never opened.");
        }

        // The writer may have closed the stream already (and thrown then what went wrong).
        if (stream.CanWrite)
        {
            stream.Flush();
        }

        stream.Dispose();
        if (temporary is not null)
        {
            // A file replaced keeps its permissions (an export over a script or a shared file keeps who may read it).
            if (!OperatingSystem.IsWindows() && File.Exists(Target))
            {
                File.SetUnixFileMode(temporary, File.GetUnixFileMode(Target));
            }

            File.Move(temporary, Target, overwrite: true);
        }

        committed = true;
    }

    /// <summary>Closes the file and, unless committed, deletes the temporary file, so a failed write leaves the target as it was.</summary>
    public void Dispose()
    {
        try
        {
            stream?.Dispose();
        }
        catch (IOException) when (!committed)
        {
            // Closing flushes what is left, which fails again for the error being reported; the output is abandoned.
        }

        if (!committed && temporary is not null)
        {
            File.Delete(temporary);
        }

        committed = true;
    }

    // Read-only: the read-only attribute, or (for a user such as root, whom permissions do not stop) no write
    // permission for anyone.
    private static bool IsReadOnly(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        if ((File.GetAttributes(path) & FileAttributes.ReadOnly) != 0)
        {
            return true;
        }

        const UnixFileMode anyWrite = UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;
        return !OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & anyWrite) == 0;
    }

    /// <summary>Whether <paramref name="path"/> (following symbolic links) is a device, FIFO or socket: neither a regular file, a folder nor missing.</summary>
    public static bool IsSpecialFile(string path) => KindOf(Path.GetFullPath(path)) == FileKind.Other;

    /// <summary>A stream whose writes stop once a token is cancelled; flushing and closing go through.</summary>
    private sealed class CancellableStream(Stream inner, CancellationToken cancellation) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => inner.CanWrite;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count)
        {
            cancellation.ThrowIfCancellationRequested();
            inner.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            cancellation.ThrowIfCancellationRequested();
            inner.Write(buffer);
        }

        public override void WriteByte(byte value)
        {
            cancellation.ThrowIfCancellationRequested();
            inner.WriteByte(value);
        }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    private enum FileKind
    {
        Missing,
        Regular,
        Folder,
        Other,
    }

    // What the path names, following symbolic links. .NET reports devices and FIFOs as ordinary files, so on Linux
    // statx(2) tells; elsewhere, or where it is missing, a path under /dev counts as a device.
    private static FileKind KindOf(string path)
    {
        if (Directory.Exists(path))
        {
            return FileKind.Folder;
        }

        if (!File.Exists(path))
        {
            return FileKind.Missing;
        }

        if (OperatingSystem.IsLinux() && StatxType(path) is { } type)
        {
            return type == RegularFileType ? FileKind.Regular : FileKind.Other;
        }

        return !OperatingSystem.IsWindows() && path.StartsWith("/dev/", StringComparison.Ordinal) ? FileKind.Other : FileKind.Regular;
    }

    private const int AtCurrentDirectory = -100;
    private const uint StatxTypeMask = 0x1;
    private const int StatxModeOffset = 28;
    private const int FileTypeBits = 0xF000;
    private const int RegularFileType = 0x8000;

    private const uint StatxInodeMask = 0x100;
    private const int StatxInodeOffset = 32;
    private const int StatxDeviceOffset = 136;

    // What makes a file itself, however it is named: its device and inode (following symbolic links), or, where statx
    // is missing, its full path with links resolved.
    private static string Identity(string path)
    {
        if (OperatingSystem.IsLinux())
        {
            var name = Encoding.UTF8.GetBytes(Path.GetFullPath(path) + "\0");
            var buffer = new byte[256];
            try
            {
                if (Statx(AtCurrentDirectory, name, 0, StatxTypeMask | StatxInodeMask, buffer) == 0)
                {
                    return $"{BitConverter.ToUInt32(buffer, StatxDeviceOffset)}:{BitConverter.ToUInt32(buffer, StatxDeviceOffset + 4)}:{BitConverter.ToUInt64(buffer, StatxInodeOffset)}";
                }
            }
            catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
            {
                // Fall back to the path.
            }
        }

        var full = Path.GetFullPath(path);
        return new FileInfo(full).LinkTarget is null ? full : File.ResolveLinkTarget(full, returnFinalTarget: true)!.FullName;
    }

    // The file type bits of st_mode; null when statx is not available (a C library older than glibc 2.28 or musl 1.2.5).
    private static int? StatxType(string path)
    {
        var name = Encoding.UTF8.GetBytes(path + "\0");
        var buffer = new byte[256];
        try
        {
            return Statx(AtCurrentDirectory, name, 0, StatxTypeMask, buffer) == 0 ? BitConverter.ToUInt16(buffer, StatxModeOffset) & FileTypeBits : null;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return null;
        }
    }

    // struct statx has the same layout on every Linux architecture: stx_mode is the 16 bits at offset 28.
    [DllImport("libc", EntryPoint = "statx")]
    private static extern int Statx(int directory, byte[] path, int flags, uint mask, byte[] buffer);
}
