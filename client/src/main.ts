document.title = 'Reform Graph Explorer';
