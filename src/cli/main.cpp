#include "app.hpp"

int main(int argc, char** argv) { return pindex::cli::run(argc, argv); }
