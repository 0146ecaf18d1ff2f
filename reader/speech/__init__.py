"""Reading aloud (Qt-free): voices, synthesis, players, the reading sequence, WAV export.

- :mod:`~reader.speech.voices`: :class:`VoiceInfo`, :func:`default_voice`,
  :class:`SpeechSettings` (voice per language, speed, volume), and
  :class:`SpeechUnavailable` (what is missing and how to get it, with a ``problem`` code).
- :mod:`~reader.speech.synth`: :class:`Synthesizer`, the one pyttsx3 engine of the process
  on its own thread ("dari-speech"): text -> ``Future[Clip]`` (PCM), with a clip cache.
- :mod:`~reader.speech.player`: :class:`AplayPlayer` (sound through ``aplay``),
  :class:`SilentSink` (no sound, same timing), :func:`detect_player`.
- :mod:`~reader.speech.sequence`: :class:`ReadingSequence` plays sentence after sentence
  and reports what is being heard; its events arrive on its thread ("dari-reading").
- :mod:`~reader.speech.export`: :func:`export_wav` (blocking; run it in a worker).

One Synthesizer serves both reading and export: a second pyttsx3 engine in the same
process would take over espeak's one synthesis callback.
"""
