namespace Lessons.Data;

/// <summary>AG News was in none of the places the loader looks and could not be downloaded; the message lists every
/// place and what went wrong there, and how to fix it.</summary>
public sealed class AgNewsNotFoundException(string message, Exception? inner = null) : IOException(message, inner);
