package dev.webnn.langchain4j;

import java.util.List;

/** Test texts: varied sentences for agreement, and a passage corpus with questions for retrieval. */
final class Sentences {

    private Sentences() {
    }

    /** Twenty sentences of different lengths, topics, punctuation, digits and scripts. */
    static final List<String> VARIED = List.of(
            "Hello, world!",
            "The quick brown fox jumps over the lazy dog.",
            "A cat sleeps on the warm windowsill all afternoon.",
            "Interest rates rose by 0.25 percentage points in March 2024.",
            "How do I reset my password if I no longer have access to my e-mail account?",
            "Photosynthesis converts light energy into chemical energy stored in glucose.",
            "ok",
            "The train to Lyon leaves from platform 7 at 08:45, twenty minutes late.",
            "She said: \"Don't forget the milk, the eggs and -- above all -- the coffee!\"",
            "Le chat est sur la table et le chien dort sous la chaise.",
            "Der schnelle braune Fuchs springt über den faulen Hund.",
            "Naïve café owners serve crème brûlée to tourists in Zürich.",
            "def add(a, b): return a + b  # a Python function",
            "GPU memory bandwidth limits transformer inference at small batch sizes, while compute limits it at large ones.",
            "Mount Everest is 8,849 metres high and lies on the border between Nepal and China.",
            "Please call me back at +1 (555) 010-4477 before 5 pm.",
            "Once upon a time, in a kingdom far away, there lived a princess who loved to read maps of stars and "
                    + "oceans, and she dreamed every night of sailing beyond the edge of the known world with her friends.",
            "!!! ??? ...",
            "東京は日本の首都です。",
            "Vaccines train the immune system to recognise a pathogen without causing the disease.");

    /** Fifty short passages on distinct topics. */
    static final List<String> PASSAGES = List.of(
            "The Eiffel Tower was completed in 1889 for the World's Fair in Paris.",
            "Honey bees communicate the location of flowers through a waggle dance.",
            "The Pacific Ocean is the largest and deepest of Earth's oceans.",
            "Insulin is a hormone produced by the pancreas that regulates blood sugar.",
            "The violin has four strings tuned in perfect fifths.",
            "Mars has two small moons named Phobos and Deimos.",
            "Sourdough bread rises thanks to wild yeast and lactic acid bacteria.",
            "The Great Wall of China stretches across northern China for thousands of kilometres.",
            "Penguins are flightless birds that live mostly in the Southern Hemisphere.",
            "A leap year has 366 days, with February 29 added to the calendar.",
            "Photosynthesis in plants takes place mainly in the chloroplasts of leaf cells.",
            "The Amazon rainforest produces a large share of the world's oxygen and holds huge biodiversity.",
            "Chess is played on a board of sixty-four squares arranged in an eight by eight grid.",
            "The human heart has four chambers: two atria and two ventricles.",
            "Mount Kilimanjaro in Tanzania is the highest mountain in Africa.",
            "Java is a programming language that runs on a virtual machine.",
            "Coffee beans are the roasted seeds of the Coffea plant.",
            "The speed of light in a vacuum is about 299,792 kilometres per second.",
            "Volcanoes form where magma from inside the Earth escapes to the surface.",
            "The Mona Lisa was painted by Leonardo da Vinci and hangs in the Louvre.",
            "Bicycles convert the rider's pedalling into forward motion through a chain drive.",
            "Whales are mammals and breathe air through blowholes on top of their heads.",
            "The stock market lets companies raise money by selling shares to investors.",
            "Rainbows appear when sunlight is refracted and reflected inside raindrops.",
            "Tea originated in China and became a daily ritual in Britain.",
            "Electric cars store energy in lithium-ion battery packs.",
            "The Roman Empire built roads and aqueducts across Europe.",
            "Antibiotics kill bacteria but have no effect on viruses.",
            "Tomatoes are botanically fruits although they are cooked as vegetables.",
            "The piano was invented in Italy by Bartolomeo Cristofori around 1700.",
            "Glaciers are slow rivers of ice that carve valleys over centuries.",
            "Owls hunt at night and can turn their heads up to 270 degrees.",
            "Football's World Cup is held every four years.",
            "Saturn is famous for its bright rings made of ice and rock.",
            "The printing press of Johannes Gutenberg spread books across Europe.",
            "Yoga combines breathing, stretching and meditation.",
            "Earthquakes are measured with seismometers and rated on magnitude scales.",
            "The Nile is one of the longest rivers in the world and flows into the Mediterranean.",
            "Recycling aluminium cans saves most of the energy needed to make new metal.",
            "Dolphins use echolocation to find fish in murky water.",
            "Password managers store long random passwords in an encrypted vault.",
            "Cheese is made by curdling milk with rennet and ageing the curds.",
            "The moon's gravity causes the tides of the oceans.",
            "Solar panels turn sunlight directly into electricity with photovoltaic cells.",
            "Origami is the Japanese art of folding paper into shapes.",
            "Diamonds are made of carbon atoms arranged in a crystal lattice.",
            "Marathon runners cover a distance of 42.195 kilometres.",
            "Vaccination protects people by training the immune system in advance.",
            "The Sahara is the largest hot desert on Earth.",
            "Sushi combines vinegared rice with raw fish or vegetables.");

    /** Questions, each answered by the passage at the same index in {@link #ANSWERS}. */
    static final List<String> QUESTIONS = List.of(
            "How many moons does the red planet have?",
            "Which organ makes the hormone that controls glucose in the blood?",
            "When was the famous iron tower in Paris finished?",
            "What causes high and low tide?",
            "How long is a marathon?");

    /** Index in {@link #PASSAGES} of the answer to each question. */
    static final List<Integer> ANSWERS = List.of(5, 3, 0, 42, 46);
}
