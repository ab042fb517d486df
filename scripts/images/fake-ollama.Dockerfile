# A stand-in for ollama/ollama built on the emulator image: `ollama serve` runs the emulator with
# Ollama's profile, `ollama pull` knows a few model names. Used to test the `ollama` target here.
ARG BASE=dropin/emulator:dev
FROM ${BASE}
USER root
RUN ln -s /app/fixtures/fake-ollama/ollama.js /usr/local/bin/ollama
USER node
ENTRYPOINT ["ollama"]
CMD ["serve"]
