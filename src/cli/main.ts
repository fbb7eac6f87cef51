console.log("usage: gop validate FILE...");
