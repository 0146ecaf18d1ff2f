"""Reading aloud: voices, synthesis, players, the reading sequence and WAV export (Qt-free).

One :class:`~reader.speech.synth.Synthesizer` per process owns the only pyttsx3 engine;
:class:`~reader.speech.sequence.ReadingSequence` and :func:`~reader.speech.export.export_wav`
both use it.
"""
