"""Each kind of answer in a module of its own: relation (and topic), compare, who-said,
detail and abstain. `bot.engine.pipeline` decides which one a question gets."""
