using System.CommandLine;
using System.Text;

namespace TechTies.Cli;

/// <summary>How the answer commands print <c>--format svg</c> (the network picture) and <c>--format html</c> (the story page): to stdout, or whole to <c>--out FILE</c>.</summary>
internal static class PictureOutput
{
    /// <summary>The <c>--out</c> option of the answer commands.</summary>
    public static Option<string> Out() => new("--out")
    {
        Description = "With --format svg or html: the file to write (replaced only once it is complete); without it, stdout",
    };

    /// <summary>When <c>--out</c> is given without a picture format, says so and gives the usage exit code; otherwise <see langword="null"/>.</summary>
    public static int? CheckOut(CommandContext context, string? path)
    {
        if (path is null || context.Picture is not null)
        {
            return null;
        }

        context.WriteError("usage", "--out writes a picture or story page: give it with --format svg or --format html (text and json go to stdout).");
        return ExitCodes.Usage;
    }

    /// <summary>Writes the picture as SVG or its story page as HTML, as <see cref="CommandContext.Picture"/> asks.</summary>
    public static int Write(CommandContext context, NetworkPicture picture, string? path, Func<string>? storyPage = null)
    {
        var content = context.Picture == "svg" ? picture.ToSvg() : (storyPage ?? picture.ToStoryPage)();
        if (path is null)
        {
            context.Out.Write(content);
            context.Out.Flush();
            return ExitCodes.Success;
        }

        var full = Path.GetFullPath(path);
        var direct = false;
        try
        {
            using var output = OutputFile.For(full);
            direct = output.IsDirect;
            var stream = output.Open();
            stream.Write(new UTF8Encoding(false).GetBytes(content));
            output.Commit();
        }
        catch (DirectoryNotFoundException e)
        {
            context.WriteError("not-found", e.Message);
            return ExitCodes.NotFound;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var written = direct ? "the output is incomplete: a device or FIFO is written in place" : "nothing was written";
            context.WriteError("io", $"Could not write '{full}': {e.Message.Replace($" : '{full}'", string.Empty, StringComparison.Ordinal).TrimEnd('.')}; {written}.");
            return ExitCodes.NotFound;
        }

        if (!context.Quiet)
        {
            context.Error.WriteLine($"wrote {full}: {(context.Picture == "svg" ? "SVG picture" : "HTML story page")}, {picture.Entities.Length} entities, {picture.Ties.Length} ties");
        }

        return ExitCodes.Success;
    }
}
